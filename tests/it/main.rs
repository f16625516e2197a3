//! Every integration test in one binary: one build, one link and one helper module
//! (`support`) instead of one binary per file each compiling its own copy of the helpers.
//! A new test file is a module here. Its insta snapshots go to `tests/it/snapshots/`,
//! named `it__<module>__<name>.snap`; proptest, finding this `main.rs`, keeps its failures
//! in `tests/proptest-regressions/<module>.txt`. Every test shares this one process, so
//! nothing may set the environment, the umask or the working folder (run a child for that).

mod support;

mod agenda_app;
mod cli;
mod cli_export;
mod cli_merge;
mod cli_no_loss;
mod cli_progress;
mod closing_app;
mod convergence_snapshots;
mod crash;
mod e2e_follow_up;
mod e2e_hostile_text;
mod e2e_kill;
mod e2e_lock;
mod e2e_merge;
mod e2e_replay;
mod e2e_save_faults;
mod e2e_tmux;
mod e2e_trust;
mod e2e_versions;
mod e2e_vote;
mod e2e_wall;
mod export_circulate;
mod export_clients;
mod export_golden;
mod export_hostile;
mod follow_up_app;
mod follow_up_cli;
mod follow_up_props;
mod fuzz_regressions;
mod header_reader;
mod hostile_files;
mod issues_app;
mod issues_snapshots;
mod layers;
mod leads_app;
mod merge_properties;
mod offline;
mod picker;
mod present_app;
mod progress_golden;
mod properties;
mod replay_app;
mod replay_behind;
mod replay_props;
mod schema;
mod synth_cli;
mod vote_app;
