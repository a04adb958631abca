//! Command-line arguments. Names and flags here are a contract scripts rely on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Connect Companion on the command line: residents' strengths, asks, circles,
/// notes and check-ins, kept on this device and merged with other devices.
#[derive(Debug, Parser)]
#[command(name = "connect", version)]
pub(crate) struct Cli {
    /// The device store (an SQLite file). Defaults to the user's data directory.
    #[arg(long, global = true, env = "CONNECT_STORE")]
    pub(crate) store: Option<PathBuf>,

    /// Print JSON instead of text where the command lists or shows data.
    #[arg(long, global = true)]
    pub(crate) json: bool,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create the store and this device's identity.
    Init {
        /// Your name as the team knows you.
        #[arg(long)]
        name: String,
        /// Your role on the team.
        #[arg(long, value_enum, default_value_t = RoleArg::Supporter)]
        role: RoleArg,
        /// A name for this device.
        #[arg(long, default_value = "command line")]
        device_name: String,
    },
    /// Encrypt a store kept in clear by an earlier version, under a new
    /// passphrase (`CONNECT_PASSPHRASE`, or asked for twice on a terminal).
    Encrypt,
    /// Change the passphrase that opens this device's store: the current one
    /// from `CONNECT_PASSPHRASE`, the new one from `CONNECT_NEW_PASSPHRASE`
    /// (or both asked for on a terminal).
    Passphrase,
    /// This device: identity, documents waiting to sync.
    Status,
    /// Add and list residents.
    #[command(subcommand)]
    Resident(ResidentCmd),
    /// Show everything on this device about a resident.
    Show {
        /// Resident id (or a unique name or id prefix).
        resident: String,
    },
    /// Offers: what the resident can offer.
    #[command(subcommand)]
    Offer(OfferCmd),
    /// Asks: "could you help me with…?".
    #[command(subcommand)]
    Ask(AskCmd),
    /// Goals and "what could be possible".
    #[command(subcommand)]
    Goal(GoalCmd),
    /// People and places in the resident's circle of care.
    #[command(subcommand)]
    Person(PersonCmd),
    /// Visit notes.
    #[command(subcommand)]
    Note(NoteCmd),
    /// Record a check-in; every measure is optional.
    Checkin(CheckinArgs),
    /// The resident's story and its consent level.
    #[command(subcommand)]
    Story(StoryCmd),
    /// Voice notes and photos: add, list, fetch, remove.
    #[command(subcommand)]
    Media(MediaCmd),
    /// Promises: what we said we'd do, who will do it and when.
    #[command(subcommand)]
    Promise(PromiseCmd),
    /// The next visit: a day, or "they'll call me".
    #[command(subcommand)]
    Visit(VisitCmd),
    /// Today: visits planned, promises due or late, and residents not seen
    /// for a while (as long as the team says; three weeks unless it said).
    Today {
        /// The day to look from (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<chrono::NaiveDate>,
    },
    /// Search names, offers, asks and goals.
    Search {
        /// Words to look for (each matches the start of a word).
        text: String,
    },
    /// Export everything about a resident.
    Export {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// `json`: one machine-readable file; `html`: one readable, printable page;
        /// `automerge`: one `DOCUMENT-ID.automerge` per document, and the
        /// voice notes and photos in `media/`.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// A file for `json` and `html`, a directory for `automerge`.
        #[arg(long)]
        out: PathBuf,
    },
    /// Who changed what about a resident, and when: this device's history,
    /// with the person behind each change from the relay when enrolled.
    History {
        /// Resident id (or a unique name or id prefix).
        resident: String,
    },
    /// Merge `.automerge` files (from `export --format automerge`) into this store.
    Import {
        /// Files to merge.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Seed a realistic, clearly fictional caseload.
    Demo {
        /// How many residents.
        #[arg(long, default_value_t = 36)]
        residents: usize,
    },
    /// Rebuild index tables from the documents (for repair; never loses data).
    Reindex,
    /// Hide an offer, ask or goal (it is kept, and `unhide` brings it back).
    Hide {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// Item id (or a unique prefix).
        item: String,
    },
    /// Bring back a hidden offer, ask or goal.
    Unhide {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// Item id (or a unique prefix).
        item: String,
    },
    /// Suggest offers that might meet open asks, across residents on this device,
    /// each with the reasons it was suggested.
    Match,
    /// Team figures with no names, small numbers (under 5) suppressed: as
    /// text, `--json`, or `--csv`; `--csv --per-resident` gives one
    /// pseudonymous row per resident instead (no names, words or dates).
    Report {
        /// Print CSV instead of text.
        #[arg(long)]
        csv: bool,
        /// One pseudonymous row per resident (with `--csv`).
        #[arg(long, requires = "csv")]
        per_resident: bool,
    },
    /// Enrol this device with the team's relay using a one-time invite code.
    Enrol {
        /// The relay's address, e.g. https://relay.example.org.
        #[arg(long)]
        relay: String,
        /// The invite code from the coordinator.
        #[arg(long)]
        invite: String,
        /// Allow plain http:// to a relay that is not on this machine (testing only).
        #[arg(long)]
        allow_insecure_http: bool,
    },
    /// Sync with the relay now: send what is only on this device, receive the rest.
    Sync,
    /// (Coordinator) Issue an invite code for a new device.
    Invite {
        /// coordinator, supporter or resident.
        #[arg(long)]
        role: String,
        /// For a resident's own device: which resident.
        #[arg(long)]
        resident: Option<String>,
        /// Hours until the code expires.
        #[arg(long)]
        hours: Option<i64>,
        /// Who it is for, as the team will know them (needed: the team's
        /// records show this name, whatever their phone calls itself).
        #[arg(long)]
        name: Option<String>,
    },
    /// (Coordinator) The team's invites, newest first (never their codes).
    Invites,
    /// (Coordinator) Cancel an unused invite: its code stops working.
    CancelInvite {
        /// The invite's id (see `connect invites`).
        invite: String,
    },
    /// (Coordinator) Assign a resident to a supporter.
    Assign {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The person's id on the relay (see `connect people`).
        person: String,
    },
    /// (Coordinator) End a resident's assignment to a person.
    Unassign {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The person's id on the relay (see `connect people`).
        person: String,
    },
    /// (Coordinator) People and devices on the team.
    People,
    /// (Coordinator) Take a person off the team: their devices are revoked.
    RemovePerson {
        /// The person's id on the relay (see `connect people`).
        person: String,
    },
    /// (Coordinator) Revoke a device: its next contact wipes it.
    Revoke {
        /// Device id.
        device: String,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum RoleArg {
    Supporter,
    Coordinator,
    Resident,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ExportFormat {
    Json,
    Automerge,
    /// One readable, printable page with everything held (a subject access copy).
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ByArg {
    /// In the resident's own words.
    Resident,
    /// Written by you, the supporter.
    Supporter,
}

#[derive(Debug, Subcommand)]
pub(crate) enum ResidentCmd {
    /// Add a resident; prints the new id alone on the last line.
    Add {
        /// The name they like to be called.
        #[arg(long)]
        name: String,
    },
    /// The caseload.
    List,
}

#[derive(Debug, Args)]
pub(crate) struct ItemTarget {
    /// Resident id (or a unique name or id prefix).
    pub(crate) resident: String,
    /// The words.
    pub(crate) text: String,
    /// Who is speaking.
    #[arg(long, value_enum, default_value_t = ByArg::Supporter)]
    pub(crate) by: ByArg,
}

#[derive(Debug, Subcommand)]
pub(crate) enum OfferCmd {
    /// Add an offer; prints its id on the last line.
    Add {
        #[command(flatten)]
        target: ItemTarget,
        /// practical, caring, company, creative, knowledge or other.
        #[arg(long, default_value = "other")]
        category: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum AskCmd {
    /// Add an ask; prints its id on the last line.
    Add {
        #[command(flatten)]
        target: ItemTarget,
        /// practical, caring, company, creative, knowledge or other.
        #[arg(long, default_value = "other")]
        category: String,
    },
    /// Set an ask's status: open, in-progress, met or not-needed-now.
    Status {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// Ask id (or a unique prefix).
        ask: String,
        /// The new status.
        status: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum GoalCmd {
    /// Add a goal; prints its id on the last line.
    Add {
        #[command(flatten)]
        target: ItemTarget,
        /// A "what could be possible" rather than a goal.
        #[arg(long)]
        possibility: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum PersonCmd {
    /// Add someone (or somewhere) to the circle; prints the id on the last line.
    Add {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// Their name.
        name: String,
        /// intimacy, friendship, participation, exchange or possibility.
        #[arg(long)]
        ring: String,
        /// Support flows both ways.
        #[arg(long)]
        two_way: bool,
        /// How they know the resident.
        #[arg(long, default_value = "")]
        relationship: String,
        /// A place or group rather than a person.
        #[arg(long)]
        place: bool,
    },
    /// Move someone to another ring.
    Move {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// Person id (or a unique prefix).
        person: String,
        /// The new ring.
        #[arg(long)]
        ring: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum NoteCmd {
    /// Add a visit note; prints its id on the last line.
    Add {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The note (may be empty with --not-today or --declined).
        #[arg(default_value = "")]
        text: String,
        /// Only the team may read it (safeguarding); never sent to the resident.
        #[arg(long)]
        team_only: bool,
        /// The resident chose not to meet today.
        #[arg(long, conflicts_with = "declined")]
        not_today: bool,
        /// The resident said no to something offered.
        #[arg(long)]
        declined: bool,
        /// good, okay or low.
        #[arg(long)]
        mood: Option<String>,
        /// With --not-today, why: did-not-want, could-not-go or were-out.
        #[arg(long, requires = "not_today")]
        reason: Option<String>,
    },
}

#[derive(Debug, Args)]
pub(crate) struct CheckinArgs {
    /// Resident id (or a unique name or id prefix).
    pub(crate) resident: String,
    /// ONS "How often do you feel lonely?": often-or-always, some-of-the-time,
    /// occasionally, hardly-ever, never.
    #[arg(long)]
    pub(crate) loneliness: Option<String>,
    /// UCLA 3-item answers A,B,C, each 1 (hardly ever), 2 (some of the time) or
    /// 3 (often); leave one empty to skip it (`3,,2`).
    #[arg(long)]
    pub(crate) ucla3: Option<String>,
    /// ONS4 answers: life satisfaction, worthwhile, happy, anxious, each 0 to 10;
    /// leave one empty to skip it.
    #[arg(long)]
    pub(crate) ons4: Option<String>,
    /// Life map ratings: AREA=red|amber|green, comma separated.
    #[arg(long)]
    pub(crate) life_map: Option<String>,
    /// The resident agrees these answers may count in team figures (no name).
    #[arg(long)]
    pub(crate) share: bool,
    /// The resident did not want a check-in today.
    #[arg(long, conflicts_with_all = ["loneliness", "ucla3", "ons4", "life_map"])]
    pub(crate) not_today: bool,
    /// Answered by the resident themself (default: recorded by you with them).
    #[arg(long, value_enum, default_value_t = ByArg::Resident)]
    pub(crate) by: ByArg,
}

#[derive(Debug, Subcommand)]
pub(crate) enum PromiseCmd {
    /// Write down a promise; prints its id on the last line.
    Add {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// What will be done ("ask the council about the ramp").
        text: String,
        /// Who will do it: supporter, resident, team, or the name of someone
        /// in the resident's circle.
        #[arg(long, default_value = "supporter")]
        by: String,
        /// On this day (YYYY-MM-DD).
        #[arg(long, conflicts_with_all = ["within", "no_rush"])]
        due: Option<chrono::NaiveDate>,
        /// Within this many days from today.
        #[arg(long, conflicts_with = "no_rush")]
        within: Option<u32>,
        /// No rush: it is never due.
        #[arg(long)]
        no_rush: bool,
        /// The ask it answers (an ask id, or a unique prefix).
        #[arg(long)]
        ask: Option<String>,
        /// Only the team may read it; never sent to the resident.
        #[arg(long)]
        team_only: bool,
        /// Said by the resident (default: written down by you).
        #[arg(long)]
        by_resident: bool,
    },
    /// Mark a promise done.
    Done(PromiseTarget),
    /// Mark a promise "not now": put aside, not a failure.
    NotNow(PromiseTarget),
    /// Mark a promise no longer needed.
    Drop(PromiseTarget),
    /// Open a promise again (undoes done, not now or drop).
    Reopen(PromiseTarget),
    /// A resident's promises, with who will keep each and where it stands.
    List {
        /// Resident id (or a unique name or id prefix).
        resident: String,
    },
}

#[derive(Debug, Args)]
pub(crate) struct PromiseTarget {
    /// Resident id (or a unique name or id prefix).
    pub(crate) resident: String,
    /// Promise id (or a unique prefix).
    pub(crate) id: String,
    /// Said by the resident (default: by you).
    #[arg(long)]
    pub(crate) by_resident: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum VisitCmd {
    /// Set the next visit: a day, or --they-call.
    Next {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The day (YYYY-MM-DD).
        #[arg(required_unless_present = "they_call", conflicts_with = "they_call")]
        date: Option<chrono::NaiveDate>,
        /// No day: the resident will call when they want a visit.
        #[arg(long)]
        they_call: bool,
        /// The resident said "not now": the visit moves at their wish.
        #[arg(long)]
        not_now: bool,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum StoryCmd {
    /// Replace the story's text (in the resident's words).
    Set {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The story.
        text: String,
    },
    /// Change consent: private, team, anonymous or named.
    Consent {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The new level.
        level: String,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum MediaCmd {
    /// Keep a photo (JPEG or PNG: scaled to 1600 pixels and stripped of its
    /// metadata, the place it was taken included) or a voice note (WebM, MP4
    /// or Ogg audio) and attach it (to "about me" unless told where). Prints
    /// the file's SHA-256 alone on the last line.
    Add {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The file.
        file: PathBuf,
        /// Attach it to an offer, ask or goal (its id).
        #[arg(long, value_name = "ITEM-ID", group = "place")]
        on: Option<connect_model::ItemId>,
        /// Attach it to a visit note (its id).
        #[arg(long, value_name = "NOTE-ID", group = "place")]
        note: Option<connect_model::ItemId>,
        /// Attach it to the resident's story.
        #[arg(long, group = "place")]
        story: bool,
        /// Attach it to "about me" (the default).
        #[arg(long, group = "place")]
        about: bool,
        /// Its caption, which is also what a screen reader says of it.
        #[arg(long, default_value = "")]
        caption: String,
        /// A voice note's words, typed.
        #[arg(long, default_value = "")]
        transcript: String,
        /// A voice note's length in seconds, for a file that does not say it.
        #[arg(long)]
        duration: Option<f64>,
        /// Who made it: the resident ("in my words") or you.
        #[arg(long, value_enum, default_value_t = ByArg::Supporter)]
        by: ByArg,
    },
    /// Every voice note and photo on a resident's record: its hash, type,
    /// size, state (local, uploading, synced or remote) and where it is attached.
    List {
        /// Resident id (or a unique name or id prefix).
        resident: String,
    },
    /// Write a file's bytes, fetching them from the relay if this device lacks them.
    Get {
        /// The file's SHA-256 (from `connect media list`).
        hash: connect_model::media::BlobHash,
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
    },
    /// Remove a voice note or photo from the resident's record: it is
    /// deleted here now, and from the relay and every device at their next sync.
    Remove {
        /// Resident id (or a unique name or id prefix).
        resident: String,
        /// The reference's id (from `connect media list`).
        id: connect_model::ItemId,
    },
}
