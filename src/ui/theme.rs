//! Colours in one place. The projector theme is the default: white on black with strong
//! accents, because a washed-out beamer loses mid-tones. Meaning never rests on colour
//! alone: selection also gets a marker and reverse video, warnings also get words.

use crate::cli::ThemeName;
use ratatui::style::{Color, Modifier, Style};

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

impl Theme {
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Projector => Theme::projector(),
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
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
