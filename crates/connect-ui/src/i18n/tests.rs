//! The catalogue's checks: every id the code asks for is in English, every
//! file parses, translations use only their English message's placeables,
//! and each language shipped covers every resident-facing message. The
//! coverage figures print with `cargo test -p connect-ui --lib i18n -- --nocapture`.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// Each message's variables (`$name`), by id, from one file; panics with
/// the file's name if any of it fails to parse.
fn variables_by_id(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = FluentResource::try_new(lang.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", lang.file_name()));
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(pattern) = &m.value {
                pattern_variables(pattern, &mut vars);
            }
            let id = m.id.name.to_owned();
            assert!(out.insert(id.clone(), vars).is_none(), "{} gives {id} twice", lang.file_name());
        }
    }
    out
}

fn pattern_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, vars);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, vars);
            for v in variants {
                pattern_variables(&v.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, vars),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_message_the_code_asks_for_is_in_english_and_english_has_no_orphans() {
    let english = variables_by_id(Lang::En);
    let asked: BTreeSet<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
    assert_eq!(asked.len(), Msg::ALL.len(), "two messages share an id");
    let missing: Vec<&&str> = asked.iter().filter(|id| !english.contains_key(**id)).collect();
    assert!(missing.is_empty(), "not in en.ftl: {missing:?}");
    let orphans: Vec<&String> = english.keys().filter(|id| !asked.contains(id.as_str())).collect();
    assert!(orphans.is_empty(), "in en.ftl but never asked for: {orphans:?}");
}

#[test]
fn every_language_file_parses_and_uses_only_its_english_messages_placeables() {
    let english = variables_by_id(Lang::En);
    for lang in Lang::SHIPPED {
        for (id, vars) in variables_by_id(lang) {
            let Some(allowed) = english.get(&id) else {
                panic!("{} has {id}, which English does not", lang.file_name());
            };
            let strays: Vec<&String> = vars.difference(allowed).collect();
            assert!(strays.is_empty(), "{} {id} uses {strays:?}, which English does not", lang.file_name());
        }
        let header = lang.source().lines().take(4).collect::<Vec<_>>().join("\n");
        if lang != Lang::En {
            assert!(
                header.contains("Awaits review by a native speaker from the community"),
                "{} must say at its top that it awaits review",
                lang.file_name()
            );
        }
    }
}

#[test]
fn every_language_shipped_covers_every_resident_facing_message_and_the_figures_print() {
    let mut short = Vec::new();
    println!("Translation coverage (resident-facing / all):");
    for lang in Lang::SHIPPED {
        let have = variables_by_id(lang);
        let resident = Msg::RESIDENT_FACING.iter().filter(|m| have.contains_key(m.id())).count();
        let all = Msg::ALL.iter().filter(|m| have.contains_key(m.id())).count();
        let (r_total, a_total) = (Msg::RESIDENT_FACING.len(), Msg::ALL.len());
        println!(
            "  {:<3} {resident:>4}/{r_total} ({:>3}%)   {all:>4}/{a_total} ({:>3}%)",
            lang.tag(),
            resident * 100 / r_total,
            all * 100 / a_total
        );
        let missing: Vec<&str> =
            Msg::RESIDENT_FACING.iter().map(|m| m.id()).filter(|id| !have.contains_key(*id)).collect();
        if !missing.is_empty() {
            short.push(format!("{}: {missing:?}", lang.file_name()));
        }
    }
    assert!(short.is_empty(), "resident-facing messages missing: {short:#?}");
}

#[test]
fn counts_take_each_languages_own_plural_forms() {
    let days = |lang, n: i64| tr(lang, Msg::InDays, &[("n", n.into())]);
    assert_eq!(days(Lang::En, 1), "in 1 day");
    assert_eq!(days(Lang::En, 22), "in 22 days");
    // Romanian: one, few (2–19 and numbers ending in 01–19), other with "de".
    let ro: Vec<String> = [1, 2, 5, 22, 100].into_iter().map(|n| days(Lang::Ro, n)).collect();
    assert_eq!(ro, ["într-o zi", "în 2 zile", "în 5 zile", "în 22 de zile", "în 100 de zile"]);
    // Polish: one, few (2–4, 22–24), many (5–21, 25–31, 100).
    let changes = |lang, n: i64| tr(lang, Msg::UnsentSome, &[("n", n.into())]);
    let pl: Vec<String> = [1, 2, 5, 22, 100].into_iter().map(|n| changes(Lang::Pl, n)).collect();
    assert_ne!(pl[0], pl[1].replace('2', "1"), "1 and 2 take different Polish forms: {pl:?}");
    assert_eq!(pl[1].replace('2', "#"), pl[3].replace("22", "#"), "2 and 22 are both 'few': {pl:?}");
    assert_eq!(pl[2].replace('5', "#"), pl[4].replace("100", "#"), "5 and 100 are both 'many': {pl:?}");
    assert_ne!(pl[1].replace('2', "#"), pl[2].replace('5', "#"), "'few' and 'many' differ: {pl:?}");
}

#[test]
fn a_sentence_keeps_its_own_word_order_with_the_name_where_the_language_puts_it() {
    let give_back = |lang| tr(lang, Msg::GiveBackTo, &[("name", "Amara".into())]);
    assert_eq!(give_back(Lang::En), "Please give this phone back to Amara");
    assert_eq!(give_back(Lang::Ro), "Vă rugăm să dați telefonul înapoi lui Amara");
    // Urdu isolates the Latin name so it reads the right way round.
    assert!(give_back(Lang::Ur).contains("\u{2068}Amara\u{2069}"), "{}", give_back(Lang::Ur));
    for lang in Lang::SHIPPED {
        assert!(give_back(lang).contains("Amara"), "{lang:?} drops the name");
    }
}

#[test]
fn a_language_missing_a_message_falls_back_to_english_never_to_an_id() {
    // The team's screens are English in Bengali for now.
    assert_eq!(t(Lang::Bn, Msg::InviteExpired), t(Lang::En, Msg::InviteExpired));
    assert_ne!(t(Lang::Bn, Msg::SendNow), t(Lang::En, Msg::SendNow), "resident-facing words are translated");
}

#[test]
fn the_pseudo_locale_is_accented_and_40_percent_longer_with_its_placeables_untouched() {
    let english = t(Lang::En, Msg::ForgotPinExplain);
    let pseudo = t(Lang::Pseudo, Msg::ForgotPinExplain);
    assert!(!pseudo.is_ascii(), "accented: {pseudo}");
    assert!(pseudo.chars().count() * 10 >= english.chars().count() * 14, "{pseudo}");
    let named = tr(Lang::Pseudo, Msg::GiveBackTo, &[("name", "Amara".into())]);
    assert!(named.contains("Amara"), "a name is never accented: {named}");
}

#[test]
fn a_phones_language_tag_finds_the_language_shipped() {
    assert_eq!(Lang::from_tag("ro-RO"), Some(Lang::Ro));
    assert_eq!(Lang::from_tag("ur_PK"), Some(Lang::Ur));
    assert_eq!(Lang::from_tag("PT-br"), Some(Lang::Pt));
    assert_eq!(Lang::from_tag("en-XA"), Some(Lang::Pseudo));
    assert_eq!(Lang::from_tag("de-DE"), None);
    assert_eq!(Lang::from_tag(""), None);
    assert!(Lang::Ur.right_to_left() && Lang::SHIPPED.iter().filter(|l| l.right_to_left()).count() == 1);
}

#[test]
fn what_the_app_says_when_a_call_fails_is_in_each_language_and_english_as_the_core_words_it() {
    use connect_device::DeviceError;
    let said = [
        DeviceError::Unreachable("no route".into()),
        DeviceError::Wait { words: "wait".into(), seconds: 30 },
        DeviceError::Locked,
        DeviceError::Wiped,
        DeviceError::NotEnrolled,
        DeviceError::Unavailable,
        DeviceError::Erased,
    ];
    for e in &said {
        assert_eq!(device_error(Lang::En, e), e.to_string(), "English is the core's own words");
        for lang in Lang::SHIPPED.into_iter().filter(|l| *l != Lang::En) {
            let words = device_error(lang, e);
            assert_ne!(words, device_error(Lang::En, e), "{lang:?} says {e:?} in its own words");
            assert!(!words.is_empty());
        }
    }
    // A refusal's own words come from the core, in English, in every language.
    let refused = DeviceError::Refused("That name is too long.".into());
    assert_eq!(device_error(Lang::Ur, &refused), "That name is too long.");
}
