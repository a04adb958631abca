//! Text limits and validation. Every user-typed string passes through here before
//! it reaches a document.
//!
//! Limits are in Unicode scalar values (what a person would call characters):
//!
//! | field | limit |
//! |---|---|
//! | names (resident, person, place, category) | 200 |
//! | short items (offers, asks, goals, relationships) | 2,000 |
//! | long texts (about me, journal notes, stories, place descriptions) | 20,000 |

use crate::{ModelError, Result};

/// Longest name.
pub const NAME_MAX: usize = 200;
/// Longest offer, ask, goal or relationship.
pub const ITEM_MAX: usize = 2_000;
/// Longest "about me", journal note, story or description.
pub const LONG_TEXT_MAX: usize = 20_000;

/// Trims `text` and checks it is non-empty and within `max` characters.
pub fn required(field: &'static str, text: &str, max: usize) -> Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ModelError::EmptyText { field });
    }
    optional(field, trimmed, max)
}

/// Trims `text` (which may be empty) and checks it is within `max` characters.
pub fn optional(field: &'static str, text: &str, max: usize) -> Result<String> {
    let trimmed = text.trim();
    let len = trimmed.chars().count();
    if len > max {
        return Err(ModelError::TooLong { field, len, max });
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_refused_by_name() {
        let err = required("offer", "  \n\t ", ITEM_MAX).unwrap_err();
        assert_eq!(err.to_string(), "offer must not be empty");
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let bengali = "আ".repeat(NAME_MAX);
        assert!(bengali.len() > NAME_MAX);
        assert_eq!(required("name", &bengali, NAME_MAX).unwrap(), bengali);
        let err = required("name", &format!("{bengali}x"), NAME_MAX).unwrap_err();
        assert!(matches!(err, ModelError::TooLong { len: 201, max: 200, .. }));
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        assert_eq!(required("ask", "  a lift to the market \n", ITEM_MAX).unwrap(), "a lift to the market");
        assert_eq!(optional("about me", "   ", LONG_TEXT_MAX).unwrap(), "");
    }
}
