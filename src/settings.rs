//! The reader's display settings: text size, line width, theme and whether every name
//! is marked in the text, remembered across visits. Pure data; the viewer stores it as JSON and shows it as data attributes.

use serde::{Deserialize, Serialize};

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $slug:literal, $label:literal),+ $(,)? } default $default:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($variant,)+
        }

        impl Default for $name {
            fn default() -> Self {
                $name::$default
            }
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Stable name, used in storage, data attributes and form values.
            pub fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }

            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn from_slug(slug: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|choice| choice.slug() == slug)
            }
        }
    };
}

choice!(
    /// Size of the article's text.
    TextSize { Small => "small", "Small", Medium => "medium", "Medium", Large => "large", "Large", Larger => "larger", "Larger" } default Medium
);
choice!(
    /// Longest line of the article's text.
    LineWidth { Narrow => "narrow", "Narrow", Medium => "medium", "Medium", Wide => "wide", "Wide" } default Medium
);
choice!(
    /// Colours: the system's light or dark, or a fixed theme.
    Theme { System => "system", "Follow the system", Light => "light", "Light", Dark => "dark", "Dark", Sepia => "sepia", "Sepia", Contrast => "contrast", "High contrast" } default System
);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadingSettings {
    pub text_size: TextSize,
    pub line_width: LineWidth,
    pub theme: Theme,
    /// Mark every entity's mentions in the text at once, coloured and patterned by kind
    /// (as displaCy does), not only the chosen entity's.
    pub all_names: bool,
}

impl ReadingSettings {
    /// Reads stored settings; anything unreadable falls back to the defaults, field by
    /// field where possible, so an old or damaged value never locks a reader out.
    pub fn from_json(json: &str) -> Self {
        serde_json::from_str(json).unwrap_or_default()
    }

    pub fn to_json(self) -> String {
        serde_json::to_string(&self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_when_damaged() {
        let settings = ReadingSettings {
            text_size: TextSize::Larger,
            line_width: LineWidth::Narrow,
            theme: Theme::Sepia,
            all_names: true,
        };
        assert_eq!(
            settings.to_json(),
            r#"{"text_size":"larger","line_width":"narrow","theme":"sepia","all_names":true}"#
        );
        assert_eq!(ReadingSettings::from_json(&settings.to_json()), settings);
        assert_eq!(
            ReadingSettings::from_json("not json"),
            ReadingSettings::default()
        );
        assert_eq!(
            ReadingSettings::from_json(r#"{"theme":"dark"}"#).theme,
            Theme::Dark
        );
        // Settings stored before names could all be marked still read, with it off.
        assert!(
            !ReadingSettings::from_json(
                r#"{"text_size":"large","line_width":"wide","theme":"dark"}"#
            )
            .all_names
        );
        assert_eq!(Theme::from_slug("contrast"), Some(Theme::Contrast));
        assert_eq!(Theme::default(), Theme::System);
    }
}
