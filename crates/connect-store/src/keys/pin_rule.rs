//! Which PINs and passphrases a new lock may use: the one rule every client
//! (the app on every platform, the web app's worker and `connect`) meets,
//! because [`super::KeyFile`] checks it before it wraps a key.
//!
//! A PIN someone would try early is refused: one that repeats itself
//! (`111111`, `121212`), a run of digits up or down (`123456`, `654321`,
//! `890123`), and the commonest PINs people choose ([`COMMON_PINS`]). A
//! passphrase with letters is welcome; it needs the same six characters.
//!
//! [`COMMON_PINS`] is `common_pins.txt`, made by `scripts/common-pins`: every
//! entry of zxcvbn 4.4.2's `passwords` frequency list (the 30,000 commonest
//! passwords in Mark Burnett's corpus of 10 million, in rank order) made only
//! of digits and at least 6 long, 1,519 in all. The first lines are the PINs
//! an attacker tries first.

/// The fewest characters a PIN or passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 6;

/// The most characters a passphrase may have (Argon2 takes any length; this
/// keeps a pasted document from being one).
pub const MAX_PASSPHRASE_CHARS: usize = 1024;

/// The commonest PINs of 6 digits or more, one a line, commonest first.
pub const COMMON_PINS: &str = include_str!("common_pins.txt");

/// Why a new PIN or passphrase was refused, in words for the person choosing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Weakness {
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters (spaces at either end not counted).
    #[error("a PIN or passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")]
    TooShort,
    /// More than [`MAX_PASSPHRASE_CHARS`] characters.
    #[error("a passphrase can have at most {MAX_PASSPHRASE_CHARS} characters")]
    TooLong,
    /// One character, or one short group, over and over.
    #[error(
        "that PIN repeats itself (like 111111 or 121212), so it is among the first anyone would try: choose another"
    )]
    Repeated,
    /// Digits counting up or down by one.
    #[error(
        "that PIN is a run of digits (like 123456 or 654321), so it is among the first anyone would try: choose another"
    )]
    Run,
    /// One of [`COMMON_PINS`].
    #[error("that is one of the most common PINs, so it is among the first anyone would try: choose another")]
    Common,
}

/// Checks a new PIN or passphrase against the rule. Only a new one is
/// checked: a PIN chosen before the rule still opens its phone.
pub fn check_passphrase(passphrase: &str) -> Result<(), Weakness> {
    let trimmed = passphrase.trim();
    if trimmed.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Weakness::TooShort);
    }
    if passphrase.chars().count() > MAX_PASSPHRASE_CHARS {
        return Err(Weakness::TooLong);
    }
    if repeats_itself(trimmed) {
        return Err(Weakness::Repeated);
    }
    if trimmed.bytes().all(|b| b.is_ascii_digit()) {
        if is_run(trimmed.as_bytes()) {
            return Err(Weakness::Run);
        }
        if COMMON_PINS.lines().any(|common| common == trimmed) {
            return Err(Weakness::Common);
        }
    }
    Ok(())
}

/// Whether `text` is one group of at most half its length, repeated
/// (`111111`, `121212`, `123123`, `abcabc`).
fn repeats_itself(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (1..=chars.len() / 2)
        .filter(|period| chars.len().is_multiple_of(*period))
        .any(|period| chars.chunks(period).all(|group| group == &chars[..period]))
}

/// Whether every digit is one more than the last (wrapping 9 to 0), or every
/// one one less.
fn is_run(digits: &[u8]) -> bool {
    let step = |a: u8, b: u8| (10 + b - a) % 10;
    let steps: Vec<u8> = digits.windows(2).map(|w| step(w[0], w[1])).collect();
    steps.iter().all(|s| *s == 1) || steps.iter().all(|s| *s == 9)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_at_least_a_thousand_pins_of_six_digits_or_more_with_no_repeats() {
        let pins: Vec<&str> = COMMON_PINS.lines().collect();
        assert!(pins.len() >= 1_000, "{} PINs", pins.len());
        assert!(pins.iter().all(|p| p.len() >= 6 && p.bytes().all(|b| b.is_ascii_digit())));
        let unique: std::collections::HashSet<&&str> = pins.iter().collect();
        assert_eq!(unique.len(), pins.len());
        assert_eq!(&pins[..3], ["123456", "12345678", "123456789"], "commonest first");
    }

    #[test]
    fn the_twenty_commonest_pins_are_refused() {
        for pin in COMMON_PINS.lines().take(20) {
            assert!(check_passphrase(pin).is_err(), "{pin} was accepted");
        }
    }

    #[test]
    fn repeated_digits_runs_and_common_pins_are_refused_with_the_reason() {
        let cases = [
            ("111111", Weakness::Repeated),
            ("000000", Weakness::Repeated),
            ("121212", Weakness::Repeated),
            ("123123", Weakness::Repeated),
            ("aaaaaaaa", Weakness::Repeated),
            ("123456", Weakness::Run),
            ("654321", Weakness::Run),
            ("234567", Weakness::Run),
            ("890123", Weakness::Run),
            ("3210987", Weakness::Run),
            ("159753", Weakness::Common),
            ("246810", Weakness::Common),
            ("8675309", Weakness::Common),
            ("12345", Weakness::TooShort),
            ("  1234  ", Weakness::TooShort),
            ("", Weakness::TooShort),
        ];
        for (pin, why) in cases {
            assert_eq!(check_passphrase(pin), Err(why), "{pin:?}");
        }
        assert_eq!(check_passphrase(&"x".repeat(1025)), Err(Weakness::TooLong));
    }

    #[test]
    fn uncommon_pins_and_passphrases_with_letters_are_accepted() {
        for good in ["507193", "9071853", "correct horse", "Mum's garden 1962", "a1b2c3d4", "1234567a"] {
            assert_eq!(check_passphrase(good), Ok(()), "{good:?}");
        }
    }
}
