//! Colours in one place. The projector theme is the default: white on black with strong
//! accents, because a washed-out beamer loses mid-tones. Meaning never rests on colour
//! alone: selection also gets a marker and reverse video, warnings also get words.

use ratatui::style::{Color, Modifier, Style};

/// The themes a user can ask for by name (`--theme`). It lives with the colours, not with
/// the command line, so that the screen never has to reach up into `cli` for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// High contrast for a projector (the default).
    Projector,
    Dark,
    Light,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub base: Style,
    pub dim: Style,
    pub title: Style,
    pub accent: Style,
    pub border: Style,
    /// The selected row: reverse video, so it reads on any projector.
    pub selected: Style,
    pub ok: Style,
    pub warn: Style,
    /// Errors and "not saved": loud on purpose.
    pub alarm: Style,
    pub bar: Style,
}

/// Whether `NO_COLOR` asks for no colour: present and not empty.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Projector => Theme::projector(),
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        }
    }

    /// The theme asked for, unless the user's environment asks for no colour at all
    /// (`NO_COLOR` set and not empty, see no-color.org): then the monochrome one.
    pub fn for_terminal(name: ThemeName) -> Theme {
        if no_color() {
            Theme::monochrome()
        } else {
            Theme::named(name)
        }
    }

    /// No colour at all, the terminal's own foreground and background: bold, reverse video
    /// and underline carry what colours carry elsewhere, and markers and words carry meaning
    /// as they do in every theme.
    pub fn monochrome() -> Theme {
        let base = Style::new();
        Theme {
            base,
            dim: base,
            title: base.add_modifier(Modifier::BOLD),
            accent: base.add_modifier(Modifier::BOLD),
            border: base,
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ok: base.add_modifier(Modifier::BOLD),
            warn: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            alarm: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            bar: base.add_modifier(Modifier::REVERSED),
        }
    }

    pub fn projector() -> Theme {
        let base = Style::new().fg(Color::White).bg(Color::Black);
        Theme {
            base,
            dim: base.fg(Color::Gray),
            title: base.fg(Color::White).add_modifier(Modifier::BOLD),
            accent: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            border: base.fg(Color::White),
            selected: Style::new()
                .fg(Color::Black)
                .bg(Color::LightYellow)
                .add_modifier(Modifier::BOLD),
            ok: base.fg(Color::LightGreen),
            warn: base.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            alarm: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::Black).bg(Color::White),
        }
    }

    pub fn dark() -> Theme {
        let base = Style::new()
            .fg(Color::Rgb(220, 220, 220))
            .bg(Color::Rgb(24, 26, 32));
        Theme {
            base,
            dim: base.fg(Color::Rgb(140, 145, 155)),
            title: base
                .fg(Color::Rgb(240, 240, 240))
                .add_modifier(Modifier::BOLD),
            accent: base
                .fg(Color::Rgb(120, 190, 255))
                .add_modifier(Modifier::BOLD),
            border: base.fg(Color::Rgb(90, 95, 110)),
            selected: Style::new()
                .fg(Color::Rgb(24, 26, 32))
                .bg(Color::Rgb(120, 190, 255))
                .add_modifier(Modifier::BOLD),
            ok: base.fg(Color::Rgb(120, 210, 140)),
            warn: base
                .fg(Color::Rgb(240, 200, 90))
                .add_modifier(Modifier::BOLD),
            alarm: Style::new()
                .fg(Color::White)
                .bg(Color::Rgb(190, 40, 40))
                .add_modifier(Modifier::BOLD),
            bar: Style::new()
                .fg(Color::Rgb(220, 220, 220))
                .bg(Color::Rgb(50, 54, 64)),
        }
    }

    pub fn light() -> Theme {
        let base = Style::new().fg(Color::Black).bg(Color::White);
        Theme {
            base,
            dim: base.fg(Color::DarkGray),
            title: base.fg(Color::Black).add_modifier(Modifier::BOLD),
            accent: base.fg(Color::Blue).add_modifier(Modifier::BOLD),
            border: base.fg(Color::DarkGray),
            selected: Style::new()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD),
            ok: base.fg(Color::Green),
            warn: base.fg(Color::Rgb(150, 80, 0)).add_modifier(Modifier::BOLD),
            alarm: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            bar: Style::new().fg(Color::White).bg(Color::Black),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_and_still_marks_what_matters() {
        let t = Theme::monochrome();
        for style in [
            t.base, t.dim, t.title, t.accent, t.border, t.selected, t.ok, t.warn, t.alarm, t.bar,
        ] {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.alarm.add_modifier.contains(Modifier::REVERSED));
        assert!(t.warn.add_modifier.contains(Modifier::BOLD));
    }
}
