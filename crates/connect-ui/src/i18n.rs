//! Every word the screens show, in [Project Fluent](https://projectfluent.org):
//! one `.ftl` file per language in the workspace's `locales/` folder, which a
//! translator from the community can read and correct without Rust. English
//! (`en.ftl`) is the source; a message missing from another language falls
//! back to English. Messages take their changing parts as placeables
//! (`{ $name }`) and counts through CLDR plural rules (`{ $n -> [one] …
//! *[other] … }`), so no sentence is glued from pieces in one language's
//! word order.
//!
//! A message is a [`Msg`] variant naming its Fluent id, so code cannot ask
//! for a message by a misspelt id; the tests check that every id is in
//! English, that every file parses, that a translation uses only its English
//! message's placeables, and print how much of each language is done
//! (all of the resident-facing messages, [`Msg::RESIDENT_FACING`], in every
//! language shipped).
//!
//! The files are compiled in: nothing is fetched, and no translation service
//! is ever called.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the app can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Română.
    Ro,
    /// বাংলা (Bengali).
    Bn,
    /// Polski.
    Pl,
    /// Lietuvių.
    Lt,
    /// اردو (Urdu), written right to left.
    Ur,
    /// Português.
    Pt,
    /// English made long and accented, to find cut-off text and words not
    /// yet in the catalogue (tests and translators only; the preview and
    /// desktop offer it beside the demo caseload, the web app does not).
    Pseudo,
}

impl Lang {
    /// The languages shipped to residents and supporters, for the picker.
    pub const SHIPPED: [Lang; 7] = [Lang::En, Lang::Ro, Lang::Bn, Lang::Pl, Lang::Lt, Lang::Ur, Lang::Pt];

    /// Every language, the pseudo-locale included.
    pub const ALL: [Lang; 8] = [Lang::En, Lang::Ro, Lang::Bn, Lang::Pl, Lang::Lt, Lang::Ur, Lang::Pt, Lang::Pseudo];

    /// The BCP 47 tag, for `lang` attributes and the settings.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ro => "ro",
            Lang::Bn => "bn",
            Lang::Pl => "pl",
            Lang::Lt => "lt",
            Lang::Ur => "ur",
            Lang::Pt => "pt",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's own name, as its speakers write it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ro => "Română",
            Lang::Bn => "বাংলা",
            Lang::Pl => "Polski",
            Lang::Lt => "Lietuvių",
            Lang::Ur => "اردو",
            Lang::Pt => "Português",
            Lang::Pseudo => "Ƥşḗŭḓǿ (test)",
        }
    }

    /// Whether the language is written right to left.
    #[must_use]
    pub fn right_to_left(self) -> bool {
        self == Lang::Ur
    }

    /// The `dir` attribute for text in this language.
    #[must_use]
    pub fn dir(self) -> &'static str {
        if self.right_to_left() { "rtl" } else { "ltr" }
    }

    /// The language a tag names: `ro`, `ro-RO` and `RO` are Romanian (a
    /// phone's own setting, say); `None` for a language not shipped.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        if tag.eq_ignore_ascii_case(Lang::Pseudo.tag()) {
            return Some(Lang::Pseudo);
        }
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::SHIPPED.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's Fluent file.
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => include_str!("../../../locales/en.ftl"),
            Lang::Ro => include_str!("../../../locales/ro.ftl"),
            Lang::Bn => include_str!("../../../locales/bn.ftl"),
            Lang::Pl => include_str!("../../../locales/pl.ftl"),
            Lang::Lt => include_str!("../../../locales/lt.ftl"),
            Lang::Ur => include_str!("../../../locales/ur.ftl"),
            Lang::Pt => include_str!("../../../locales/pt.ftl"),
        }
    }

    /// The file's name in `locales/`.
    #[must_use]
    pub fn file_name(self) -> String {
        let tag = if self == Lang::Pseudo { Lang::En.tag() } else { self.tag() };
        format!("{tag}.ftl")
    }
}

mod messages;

pub use messages::Msg;

/// Every language's bundle, made once.
static CATALOGUE: LazyLock<HashMap<Lang, FluentBundle<FluentResource>>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(|lang| (lang, bundle(lang))).collect());

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks keep a Latin name the right way round inside Urdu;
    // elsewhere they would only be invisible characters in copied text.
    bundle.set_use_isolating(lang.right_to_left());
    #[cfg(not(target_arch = "wasm32"))]
    if lang == Lang::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    // A file that fails to parse in places still gives every message it
    // could read (the test suite refuses such a file before it ships).
    let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Errors here are ids given twice, the first kept: the tests refuse them too.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Accented and 40% longer (vowels doubled, then padded), so text a
/// screen cuts off, and words not in the catalogue, show in tests.
#[cfg(not(target_arch = "wasm32"))]
fn pseudo(text: &str) -> std::borrow::Cow<'_, str> {
    let accented = fluent_pseudo::transform(text, false, true);
    let (before, after) = (text.chars().count(), accented.chars().count());
    let short = (before * 14).div_ceil(10).saturating_sub(after);
    if short == 0 || text.trim().is_empty() {
        return accented;
    }
    std::borrow::Cow::Owned(format!("{accented}{}", "·".repeat(short)))
}

/// One value a message takes: a name, a day in words, a count.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

fn format(lang: Lang, msg: Msg, args: Option<&FluentArgs<'_>>) -> String {
    for lang in [lang, Lang::En] {
        let bundle = &CATALOGUE[&lang];
        if let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    // Not reached: the tests check English has every id.
    msg.id().to_owned()
}

/// `value` with `digits` decimals, written as `lang` writes numbers:
/// `2.5` in English, `2,5` in Romanian, Polish, Lithuanian and Portuguese.
#[must_use]
pub fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::Ro | Lang::Pl | Lang::Lt | Lang::Pt => text.replace('.', ","),
        Lang::En | Lang::Bn | Lang::Ur | Lang::Pseudo => text,
    }
}

/// A figure as `lang` writes it: whole, or with one decimal ("2,5").
#[must_use]
pub fn number(lang: Lang, value: f64) -> String {
    decimal(lang, value, if value.fract() == 0.0 { 0 } else { 1 })
}

/// The text for `msg` in `lang` (English where `lang` has no translation).
#[must_use]
pub fn t(lang: Lang, msg: Msg) -> String {
    format(lang, msg, None)
}

/// The text for `msg` in `lang`, with its placeables filled from `args`:
/// `tr(lang, Msg::GiveBackTo, &[("name", name.into())])`.
#[must_use]
pub fn tr(lang: Lang, msg: Msg, args: &[Arg<'_>]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    format(lang, msg, Some(&fluent))
}

/// A role as a noun after a name: "Ioana (supporter)".
#[must_use]
pub fn role_noun(role: connect_model::AuthorRole) -> Msg {
    match role {
        connect_model::AuthorRole::Coordinator => Msg::RoleNounCoordinator,
        connect_model::AuthorRole::Resident => Msg::RoleNounResident,
        _ => Msg::RoleNounSupporter,
    }
}

/// Why a device call failed, in `lang`: what the app itself says (no
/// connection, locked, removed from the team ...) in every language; a
/// refusal's own words (a name too long, a step only a coordinator may take)
/// come from the device core in English.
#[must_use]
pub fn device_error(lang: Lang, e: &connect_device::DeviceError) -> String {
    use connect_device::DeviceError as E;
    let msg = match e {
        _ if lang == Lang::En => return e.to_string(),
        E::Wiped => Msg::ErrorWiped,
        E::NotEnrolled => Msg::ErrorNotEnrolled,
        E::Unreachable(_) => Msg::ErrorUnreachable,
        E::Wait { .. } => Msg::ErrorWait,
        E::Unavailable => Msg::ErrorUnavailable,
        E::Locked => Msg::ErrorLocked,
        E::Erased => Msg::ErrorErased,
        E::Refused(_) | E::Store(_) | E::Network(_) => return e.to_string(),
    };
    t(lang, msg)
}

#[cfg(test)]
mod tests;
