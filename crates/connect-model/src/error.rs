//! The one error type of `connect-model`.

/// Everything that can go wrong when reading or editing a document.
///
/// Messages are lowercase and say what happened; callers add what to do.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// A required text was empty or only whitespace.
    #[error("{field} must not be empty")]
    EmptyText {
        /// Which field was empty.
        field: &'static str,
    },
    /// A text was longer than its limit.
    #[error("{field} is {len} characters long; the limit is {max}")]
    TooLong {
        /// Which field was too long.
        field: &'static str,
        /// Its length in characters.
        len: usize,
        /// The limit in characters.
        max: usize,
    },
    /// An id did not name an item in the document.
    #[error("no {kind} with id {id} in this document")]
    UnknownItem {
        /// What kind of item was looked for.
        kind: &'static str,
        /// The id that was given.
        id: String,
    },
    /// A value could not be parsed (an id, an enum name, a date).
    #[error("{what} {value:?} is not valid: {hint}")]
    Invalid {
        /// What was being parsed.
        what: &'static str,
        /// The offending input.
        value: String,
        /// What would have been accepted.
        hint: String,
    },
    /// A check-in answer was outside the measure's scale.
    #[error("{measure}: {value} is outside the scale ({scale})")]
    InvalidScore {
        /// The measure, for example "UCLA 3-item".
        measure: &'static str,
        /// The answer given.
        value: String,
        /// The scale that applies.
        scale: &'static str,
    },
    /// The document is not of the kind the caller expected, or lacks its skeleton.
    #[error("document is not a valid {expected} document: {detail}")]
    WrongShape {
        /// The kind that was expected.
        expected: &'static str,
        /// What was found instead.
        detail: String,
    },
    /// The document was written by a newer version of the app.
    #[error("document uses schema {found}, this app understands up to {supported}: update the app")]
    NewerSchema {
        /// The schema version in the document.
        found: u64,
        /// The newest version this build understands.
        supported: u64,
    },
    /// Automerge rejected an operation or some bytes.
    #[error("automerge error")]
    Automerge(#[source] Box<automerge::AutomergeError>),
    /// The document could not be read into domain types.
    #[error("could not read document")]
    Hydrate(#[source] Box<autosurgeon::HydrateError>),
    /// Domain types could not be written into the document.
    #[error("could not write document")]
    Reconcile(#[source] Box<autosurgeon::ReconcileError>),
}

// The wrapped errors are large; boxing keeps every `Result` in the app small.
impl From<automerge::AutomergeError> for ModelError {
    fn from(e: automerge::AutomergeError) -> Self {
        Self::Automerge(Box::new(e))
    }
}

impl From<autosurgeon::HydrateError> for ModelError {
    fn from(e: autosurgeon::HydrateError) -> Self {
        Self::Hydrate(Box::new(e))
    }
}

impl From<autosurgeon::ReconcileError> for ModelError {
    fn from(e: autosurgeon::ReconcileError) -> Self {
        Self::Reconcile(Box::new(e))
    }
}

/// Shorthand for results in this crate.
pub type Result<T, E = ModelError> = std::result::Result<T, E>;
