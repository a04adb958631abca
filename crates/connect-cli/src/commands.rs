//! What each command does: parse what was typed, ask the device
//! (`connect-device`, the same core the app and the web worker run), and say
//! what happened. Output for people goes to stdout; `--json` prints one JSON
//! value; ids of created things go alone on the last line.

use std::future::Future;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use connect_device::{Device, DeviceError, Edit, HttpNetwork};
use connect_model::checkin::{Answers, Ons4, Ucla3};
use connect_model::circle::Ring;
use connect_model::journal::{Marker, Visibility};
use connect_model::measures::{self, Ons4Item, UclaAnswer};
use connect_model::page::{GoalKind, Section};
use connect_model::promise::{Plan, PromiseBy, PromiseState, When};
use connect_model::{AuthorRole, DeviceId, ItemId, ResidentId};
use connect_store::{DocumentStore, SqliteStore};
use serde::Serialize;

use crate::args::{
    AskCmd, ByArg, CheckinArgs, Cli, Command, ExportFormat, GoalCmd, ItemTarget, NoteCmd, OfferCmd, PersonCmd,
    PromiseCmd, PromiseTarget, ResidentCmd, StoryCmd, VisitCmd,
};
use crate::{open, render};

/// The device a command runs on: the encrypted store, the relay over HTTPS.
type CliDevice = Device<SqliteStore, HttpNetwork>;

/// One command's device, and how it answers.
pub(crate) struct Session {
    pub(crate) device: CliDevice,
    path: PathBuf,
    pub(crate) json: bool,
    runtime: tokio::runtime::Runtime,
}

impl Session {
    fn open(store: Option<PathBuf>, json: bool) -> anyhow::Result<Self> {
        let (store, path) = open::open_store(store, false)?;
        let wipe_path = path.clone();
        // A revoked device deletes its store, WAL and key at any contact with the relay.
        let device =
            Device::new(store, HttpNetwork).wiping_with(Box::new(move || connect_store::destroy_files(&wipe_path)));
        if device.with_store(|s| s.identity()).map_err(cli_error)?.is_none() {
            bail!("the store at {} is not set up yet: run `connect init --name YOUR-NAME` first", path.display());
        }
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        Ok(Self { device, path, json, runtime })
    }

    /// The store's path, as given.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a call that may reach the relay to its end.
    pub(crate) fn wait<T>(&self, call: impl Future<Output = Result<T, DeviceError>>) -> anyhow::Result<T> {
        self.runtime.block_on(call).map_err(|e| self.said(e))
    }

    /// A device's refusal in the command line's words.
    pub(crate) fn said(&self, e: DeviceError) -> anyhow::Error {
        match e {
            DeviceError::Wiped => anyhow::anyhow!(
                "this device has been revoked by the team; its data and its key have been removed from it ({} deleted)",
                self.path.display()
            ),
            other => cli_error(other),
        }
    }

    /// Prints `value` as JSON with `--json`, or `text` for people.
    pub(crate) fn print<T: Serialize>(&self, value: &T, text: impl FnOnce() -> String) -> anyhow::Result<()> {
        let body = if self.json { serde_json::to_string_pretty(value)? + "\n" } else { text() };
        render::write_stdout(&body)
    }

    pub(crate) fn resident(&self, given: &str) -> anyhow::Result<ResidentId> {
        self.device.find_resident(given).map_err(|e| self.said(e))
    }

    /// Applies an edit; prints the new item's id alone on the last line.
    fn edit_printing_id(&self, resident: ResidentId, edit: Edit) -> anyhow::Result<()> {
        let item = self.edit(resident, edit)?;
        if let Some(id) = item {
            println!("{id}");
        }
        Ok(())
    }

    fn edit(&self, resident: ResidentId, edit: Edit) -> anyhow::Result<Option<ItemId>> {
        self.device.edit(resident, edit).map_err(|e| self.said(e))
    }

    /// Whether this device is enrolled with a relay.
    fn enrolled(&self) -> bool {
        self.device.relay().is_ok()
    }
}

/// The relay asked this device to wait (a 429 or 503 with `Retry-After`):
/// `main` says how long and exits with "try again later".
#[derive(Debug)]
pub(crate) struct AskedToWait {
    /// Why, in the command line's words.
    pub(crate) words: String,
    /// How long the relay asked for (0: it did not say).
    pub(crate) seconds: u64,
}

impl std::fmt::Display for AskedToWait {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.words)
    }
}

impl std::error::Error for AskedToWait {}

/// A device's refusal as the command line says things: in lower case, as
/// the rest of its messages are.
fn cli_error(e: DeviceError) -> anyhow::Error {
    let seconds = match &e {
        DeviceError::Wait { seconds, .. } => Some(*seconds),
        _ => None,
    };
    let words = match e {
        DeviceError::NotEnrolled => {
            "this device is not enrolled with a relay yet: run `connect enrol --relay URL --invite CODE`".to_owned()
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_lowercase().to_string()).unwrap_or_default();
            let rest = chars.as_str().trim_end_matches('.');
            // "PIN…" and other capitals that are a word's own stay as they are.
            if rest.chars().next().is_some_and(char::is_uppercase) { text } else { first + rest }
        }
    };
    match seconds {
        Some(seconds) => anyhow::Error::new(AskedToWait { words, seconds }),
        None => anyhow::Error::msg(words),
    }
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    let json = cli.json;
    match cli.command {
        Command::Init { name, role, device_name } => open::init(cli.store, &name, role, &device_name, json),
        Command::Encrypt => open::encrypt(cli.store),
        Command::Passphrase => open::change_passphrase(cli.store),
        command => {
            let s = Session::open(cli.store, json)?;
            run_with(&s, command)
        }
    }
}

fn run_with(s: &Session, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init { .. } | Command::Encrypt | Command::Passphrase => {
            bail!("this store is already set up")
        }
        Command::Status => render::status(s),
        Command::Resident(cmd) => resident(s, cmd),
        Command::Show { resident } => {
            let all = s.device.export_here(s.resident(&resident)?).map_err(|e| s.said(e))?;
            s.print(&all, || render::describe(&all))
        }
        Command::Offer(OfferCmd::Add { target, category }) => {
            let (r, text, by_resident) = item_target(s, target)?;
            s.edit_printing_id(r, Edit::AddOffer { text, category: category.parse()?, by_resident })
        }
        Command::Ask(cmd) => ask(s, cmd),
        Command::Goal(GoalCmd::Add { target, possibility }) => {
            let (r, text, by_resident) = item_target(s, target)?;
            let kind = if possibility { GoalKind::Possibility } else { GoalKind::Goal };
            s.edit_printing_id(r, Edit::AddGoal { text, kind, by_resident })
        }
        Command::Person(cmd) => person(s, cmd),
        Command::Note(NoteCmd::Add { resident, text, team_only, not_today, declined, mood, reason }) => {
            let r = s.resident(&resident)?;
            let marker = if not_today {
                Marker::NotToday
            } else if declined {
                Marker::Declined
            } else {
                Marker::Visit
            };
            let mood = mood.map(|m| m.parse()).transpose()?;
            let reason = reason.map(|r| r.parse()).transpose()?;
            let visibility = if team_only { Visibility::TeamOnly } else { Visibility::Shared };
            s.edit_printing_id(r, Edit::AddNote { text, marker, visibility, mood, reason })
        }
        Command::Checkin(args) => checkin(s, &args),
        Command::Promise(cmd) => promise(s, cmd),
        Command::Visit(VisitCmd::Next { resident, date, they_call: _, not_now }) => {
            let r = s.resident(&resident)?;
            let plan = date.map_or(Plan::TheyWillCall, Plan::On);
            s.edit(r, Edit::SetNextVisit { plan, resident_not_now: not_now, by_resident: false })?;
            println!("{}", render::next_visit(plan));
            Ok(())
        }
        Command::Today { date } => {
            let today = s.device.today(date.unwrap_or_else(local_today)).map_err(|e| s.said(e))?;
            s.print(&today, || render::today(&today))
        }
        Command::Story(cmd) => story(s, cmd),
        Command::Search { text } => {
            let hits = s.device.search(&text).map_err(|e| s.said(e))?;
            s.print(&hits, || render::hits(&hits))
        }
        Command::Export { resident, format, out } => export(s, &resident, format, &out),
        Command::Report { csv, per_resident } => report(s, csv, per_resident),
        Command::History { resident } => {
            let audit = s.wait(s.device.audit(s.resident(&resident)?))?;
            warn_if_the_relay_was_not_asked(s, audit.relay_problem.as_deref());
            s.print(&audit.entries, || render::history(&audit))
        }
        Command::Import { files } => import(s, &files),
        Command::Demo { residents } => demo(s, residents),
        Command::Reindex => {
            let count = s
                .device
                .with_store(|store| {
                    store.rebuild_indexes()?;
                    Ok(store.document_ids()?.len())
                })
                .map_err(|e| s.said(e))?;
            println!("Index rebuilt from {count} documents.");
            Ok(())
        }
        Command::Hide { resident, item } => set_hidden(s, &resident, &item, true),
        Command::Unhide { resident, item } => set_hidden(s, &resident, &item, false),
        Command::Match => {
            let suggestions = s.device.suggestions().map_err(|e| s.said(e))?;
            s.print(&suggestions, || render::suggestions(&suggestions))
        }
        Command::Enrol { relay, invite, allow_insecure_http } => enrol(s, &relay, &invite, allow_insecure_http),
        Command::Sync => sync(s),
        Command::Media(cmd) => crate::media::run(s, cmd),
        coordinator => team(s, coordinator),
    }
}

/// `connect resident add|list`.
fn resident(s: &Session, cmd: ResidentCmd) -> anyhow::Result<()> {
    match cmd {
        ResidentCmd::Add { name } => {
            let id = s.device.create_resident(&name).map_err(|e| s.said(e))?;
            println!("Added {}.", name.trim());
            println!("{id}");
            Ok(())
        }
        ResidentCmd::List => {
            let rows = s.device.caseload().map_err(|e| s.said(e))?;
            s.print(&rows, || render::caseload(&rows))
        }
    }
}

/// `connect ask add|status`.
fn ask(s: &Session, cmd: AskCmd) -> anyhow::Result<()> {
    match cmd {
        AskCmd::Add { target, category } => {
            let (r, text, by_resident) = item_target(s, target)?;
            s.edit_printing_id(r, Edit::AddAsk { text, category: category.parse()?, by_resident })
        }
        AskCmd::Status { resident, ask, status } => {
            let r = s.resident(&resident)?;
            let (_, item) = s.device.find_item(r, Some(Section::Asks), &ask).map_err(|e| s.said(e))?;
            let status = status.parse()?;
            s.edit(r, Edit::SetAskStatus { item, status, by_resident: false })?;
            println!("Ask {item} is now {status}.");
            Ok(())
        }
    }
}

/// The phone's calendar day, where "today" and "within 3 days" count from.
fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// `connect promise add|done|not-now|drop|reopen|list`.
fn promise(s: &Session, cmd: PromiseCmd) -> anyhow::Result<()> {
    let (target, state) = match cmd {
        PromiseCmd::Add { resident, text, by, due, within, no_rush, ask, team_only, by_resident } => {
            let r = s.resident(&resident)?;
            let (by, by_name) = match by.parse::<PromiseBy>() {
                Ok(PromiseBy::Circle) => bail!("--by circle needs the person's name: --by \"Sam next door\""),
                Ok(by) => (by, String::new()),
                Err(_) => (PromiseBy::Circle, by),
            };
            let when = match (due, within, no_rush) {
                (Some(day), _, _) => Some(When::On(day)),
                (_, Some(days), _) => Some(When::By(local_today() + chrono::Duration::days(i64::from(days)))),
                (_, _, true) => Some(When::NoRush),
                _ => None,
            };
            let ask = ask
                .map(|given| s.device.find_item(r, Some(Section::Asks), &given).map(|(_, id)| id))
                .transpose()
                .map_err(|e| s.said(e))?;
            let edit = Edit::AddPromise { text, by, by_name, when, ask, shared: !team_only, by_resident };
            return s.edit_printing_id(r, edit);
        }
        PromiseCmd::List { resident } => {
            let r = s.resident(&resident)?;
            let data = s.device.resident(r).map_err(|e| s.said(e))?;
            let list: Vec<render::PromiseOut<'_>> = data.promises.iter().map(render::PromiseOut::from).collect();
            return s.print(&list, || render::promises(&data.page.preferred_name, &data.promises));
        }
        PromiseCmd::Done(t) => (t, PromiseState::Done),
        PromiseCmd::NotNow(t) => (t, PromiseState::NotNow),
        PromiseCmd::Drop(t) => (t, PromiseState::NoLongerNeeded),
        PromiseCmd::Reopen(t) => (t, PromiseState::Open),
    };
    let PromiseTarget { resident, id, by_resident } = target;
    let r = s.resident(&resident)?;
    let (shared, id) = s.device.find_promise(r, &id).map_err(|e| s.said(e))?;
    s.edit(r, Edit::SetPromiseState { shared, id, state, by_resident })?;
    println!("Promise {id}: {}.", render::promise_state(state));
    Ok(())
}

/// `connect person add|move`: the circle of care.
fn person(s: &Session, cmd: PersonCmd) -> anyhow::Result<()> {
    match cmd {
        PersonCmd::Add { resident, name, ring, two_way, relationship, place } => {
            let r = s.resident(&resident)?;
            let ring: Ring = ring.parse()?;
            s.edit_printing_id(r, Edit::AddTie { name, relationship, ring, two_way, place })
        }
        PersonCmd::Move { resident, person, ring } => {
            let r = s.resident(&resident)?;
            let ring: Ring = ring.parse()?;
            let tie = s.device.find_tie(r, &person).map_err(|e| s.said(e))?;
            s.edit(r, Edit::MoveTie { tie, ring })?;
            println!("Moved to {ring}.");
            Ok(())
        }
    }
}

/// `connect story set|consent`: the resident's own words and who may read them.
fn story(s: &Session, cmd: StoryCmd) -> anyhow::Result<()> {
    match cmd {
        StoryCmd::Set { resident, text } => {
            let r = s.resident(&resident)?;
            s.edit(r, Edit::SetStory { text, by_resident: true })?;
            println!("Story saved.");
        }
        StoryCmd::Consent { resident, level } => {
            let r = s.resident(&resident)?;
            let level = level.parse()?;
            s.edit(r, Edit::SetConsent { level, by_resident: true })?;
            println!("Consent is now {level}.");
        }
    }
    Ok(())
}

/// `connect report`: the team's figures, in words or as CSV.
fn report(s: &Session, csv: bool, per_resident: bool) -> anyhow::Result<()> {
    if csv {
        let (figures, rows) = s.device.insight_csvs().map_err(|e| s.said(e))?;
        return render::write_stdout(if per_resident { &rows } else { &figures });
    }
    let insights = s.device.insights().map_err(|e| s.said(e))?;
    s.print(&insights, || {
        insights.rows().iter().map(|(measure, figure)| format!("{measure}: {}\n", figure.words())).collect()
    })
}

/// `connect demo`: the fictional caseload.
fn demo(s: &Session, residents: usize) -> anyhow::Result<()> {
    let me = s.device.me().map_err(|e| s.said(e))?;
    let now = connect_model::Timestamp::new(chrono::Utc::now());
    let ids = s
        .device
        .with_store(|store| connect_device::demo::seed_demo(store, &me, residents, now))
        .map_err(|e| s.said(e))?;
    println!("Seeded {} fictional residents (demo data).", ids.len());
    Ok(())
}

/// The coordinator's calls to the relay: invites, assignments, people, revocation.
fn team(s: &Session, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Invite { role, resident, hours, name } => {
            let resident = resident.map(|r| s.resident(&r)).transpose()?;
            let role: AuthorRole = role.parse()?;
            let issued = s.wait(s.device.invite(role, resident, hours, name))?;
            s.print(&issued, || {
                format!("Invite for a {} (one use, expires {}):\n{}\n", issued.role, issued.expires_at, issued.code)
            })
        }
        Command::Invites => {
            let invites = s.wait(s.device.invites())?;
            s.print(&invites, || render::invites(&invites))
        }
        Command::CancelInvite { invite } => {
            let invite = person_or_invite_id(&invite, "invites")?;
            s.wait(s.device.cancel_invite(invite))?;
            println!("Invite {invite} cancelled: its code no longer works.");
            Ok(())
        }
        Command::Assign { resident, person } => {
            let resident = s.resident(&resident)?;
            s.wait(s.device.assign(resident, person_or_invite_id(&person, "people")?))?;
            println!("Assigned; their devices receive the resident at their next sync.");
            Ok(())
        }
        Command::Unassign { resident, person } => {
            let resident = s.resident(&resident)?;
            s.wait(s.device.unassign(resident, person_or_invite_id(&person, "people")?))?;
            println!("Assignment ended; their devices no longer receive the resident.");
            Ok(())
        }
        Command::RemovePerson { person } => {
            let removed = s.wait(s.device.remove_person(person_or_invite_id(&person, "people")?))?;
            s.print(&removed, || {
                format!(
                    "Taken off the team: {} device(s) revoked, {} unused invite(s) cancelled.\n",
                    removed.devices_revoked, removed.invites_cancelled
                )
            })
        }
        Command::People => {
            let people = s.wait(s.device.people())?;
            s.print(&people, || render::people(&people))
        }
        Command::Revoke { device } => {
            let device: DeviceId = device.parse()?;
            s.wait(s.device.revoke(device))?;
            println!("Device {device} revoked: its next contact with the relay wipes it.");
            Ok(())
        }
        other => bail!("`{other:?}` is not a call to the relay"),
    }
}

/// A person's or an invite's id on the relay, as `connect <listing>` shows it.
fn person_or_invite_id(id: &str, listing: &str) -> anyhow::Result<uuid::Uuid> {
    id.trim().parse().with_context(|| format!("the id is a UUID (see `connect {listing}`)"))
}

/// The resident, words and speaker of an `offer|ask|goal add`.
fn item_target(s: &Session, target: ItemTarget) -> anyhow::Result<(ResidentId, String, bool)> {
    Ok((s.resident(&target.resident)?, target.text, target.by == ByArg::Resident))
}

/// Says on stderr when the relay could have named everyone in a copy or the
/// audit trail but could not be asked; a device with no relay says nothing.
fn warn_if_the_relay_was_not_asked(s: &Session, problem: Option<&str>) {
    if let Some(why) = problem.filter(|_| s.enrolled()) {
        eprintln!("connect: could not ask the relay who made each change ({why}); only this device's are named");
    }
}

/// `connect export`: the readable copy, its JSON, or the raw documents.
fn export(s: &Session, resident: &str, format: ExportFormat, out: &Path) -> anyhow::Result<()> {
    let r = s.resident(resident)?;
    let write = |text: &str| std::fs::write(out, text).with_context(|| format!("cannot write {}", out.display()));
    match format {
        ExportFormat::Json | ExportFormat::Html => {
            let all = s.wait(s.device.export(r))?;
            if all.audit_is_local_only {
                warn_if_the_relay_was_not_asked(s, Some("it could not be reached"));
            }
            if format == ExportFormat::Json {
                write(&serde_json::to_string_pretty(&all)?)?;
            } else {
                write(&connect_device::export::html::subject_access(&all))?;
            }
            println!("Wrote {}.", out.display());
        }
        ExportFormat::Automerge => {
            std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
            for (id, bytes) in s.device.export_documents(r).map_err(|e| s.said(e))? {
                let file = out.join(format!("{id}.automerge"));
                std::fs::write(&file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
                println!("{}", file.display());
            }
            // The voice notes and photos beside them, as the JSON copy names them.
            let all = s.wait(s.device.export(r))?;
            for m in all.media.iter().filter(|m| m.included) {
                let file = out.join(&m.file);
                if let (Some(dir), Some(bytes)) = (file.parent(), all.media_bytes.get(&m.media.hash)) {
                    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
                    std::fs::write(&file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
                    println!("{}", file.display());
                }
            }
        }
    }
    Ok(())
}

/// `connect import`: documents from files, merged. Every file is read and
/// checked first: a bad one stops the import before anything changes.
fn import(s: &Session, files: &[PathBuf]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Imported {
        file: String,
        document: connect_model::DocumentId,
        outcome: connect_device::export::ImportOutcome,
    }
    let mut loaded = Vec::new();
    for file in files {
        let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        connect_device::export::id_of_bytes(&bytes)
            .with_context(|| format!("{} is not an Automerge document", file.display()))?;
        loaded.push(bytes);
    }
    let outcomes = s.device.import_documents(&loaded).map_err(|e| s.said(e))?;
    let done: Vec<Imported> = files
        .iter()
        .zip(outcomes)
        .map(|(file, (document, outcome))| Imported { file: file.display().to_string(), document, outcome })
        .collect();
    s.print(&done, || done.iter().map(|d| format!("{}: {:?} ({})\n", d.file, d.outcome, d.document)).collect())
}

/// Hides an offer, ask or goal (kept, marked archived), or brings it back.
fn set_hidden(s: &Session, resident: &str, item: &str, hide: bool) -> anyhow::Result<()> {
    let r = s.resident(resident)?;
    let (section, item) = s.device.find_item(r, None, item).map_err(|e| s.said(e))?;
    s.edit(r, Edit::SetArchived { section, item, archived: hide, by_resident: false })?;
    println!("{}", if hide { "Hidden (kept; `connect unhide` brings it back)." } else { "Back on the page." });
    Ok(())
}

fn enrol(s: &Session, relay: &str, invite: &str, allow_insecure_http: bool) -> anyhow::Result<()> {
    let enrolment = s.wait(s.device.enrol(relay, invite, allow_insecure_http))?;
    let me = s.device.me().map_err(|e| s.said(e))?;
    #[derive(Serialize)]
    struct Enrolled {
        device_id: DeviceId,
        team: connect_model::TeamId,
        person_id: uuid::Uuid,
        role: AuthorRole,
    }
    let out = Enrolled {
        device_id: me.device_id,
        team: enrolment.team,
        person_id: enrolment.person.person_id,
        role: enrolment.person.role,
    };
    s.print(&out, || {
        format!(
            "Enrolled as {} ({}) on team {}.\nThis device: {}\nRun `connect sync` to fetch the team's documents.\n",
            enrolment.person.name, enrolment.person.role, enrolment.team, me.device_id
        )
    })
}

fn sync(s: &Session) -> anyhow::Result<()> {
    /// `connect sync --json`: the document sync's report, and what the media queue did.
    #[derive(Serialize)]
    struct Synced<'a> {
        #[serde(flatten)]
        report: &'a connect_sync::SyncReport,
        media: &'a connect_device::api::MediaReport,
    }
    match s.runtime.block_on(s.device.sync()) {
        Ok(report) => {
            // Documents first; media after, never holding them up.
            let media = match s.runtime.block_on(s.device.sync_media()) {
                Ok(media) => media,
                Err(e @ DeviceError::Wiped) => return Err(s.said(e)),
                Err(e) => {
                    eprintln!(
                        "connect: voice notes and photos were not sent this time ({e}); they wait on this device"
                    );
                    connect_device::api::MediaReport {
                        waiting: s.device.media_pending().map_or(0, |p| p.total()),
                        ..Default::default()
                    }
                }
            };
            s.print(&Synced { report: &report, media: &media }, || {
                render::sync_report(&report) + &render::media_report(&media)
            })
        }
        Err(e @ (DeviceError::Wiped | DeviceError::NotEnrolled)) => Err(s.said(e)),
        Err(e) => {
            let pending = s.device.pending().map_err(|e| s.said(e))?;
            Err(s
                .said(e)
                .context(format!("sync did not finish; nothing is lost: {pending} documents wait on this device")))
        }
    }
}

fn checkin(s: &Session, args: &CheckinArgs) -> anyhow::Result<()> {
    let r = s.resident(&args.resident)?;
    let by_resident = args.by == ByArg::Resident;
    if args.not_today {
        let item = s.edit(r, Edit::CheckinNotToday { by_resident })?;
        println!("Recorded \"not today\".");
        if let Some(id) = item {
            println!("{id}");
        }
        return Ok(());
    }
    let answers = answers(args)?;
    let item = s.edit(r, Edit::RecordCheckin { answers, by_resident })?;
    let latest = s.device.resident(r).map_err(|e| s.said(e))?.checkins;
    if let Some(total) = latest.as_ref().and_then(|c| c.latest()).and_then(|c| c.ucla3).and_then(|u| u.total()) {
        println!("UCLA 3-item total: {total} (3 to 9, higher is lonelier).");
    }
    if let Some(id) = item {
        println!("{id}");
    }
    Ok(())
}

/// A check-in's answers as typed: comma lists with empty places for skipped
/// answers, and `AREA=rating` pairs for the life map.
fn answers(args: &CheckinArgs) -> anyhow::Result<Answers> {
    let mut answers = Answers { share_in_reports: args.share, ..Answers::default() };
    if let Some(l) = &args.loneliness {
        answers.loneliness = Some(l.parse()?);
    }
    if let Some(u) = &args.ucla3 {
        let parts = comma_list(u, 3, "--ucla3")?;
        let p = |i: usize| parts[i].as_deref().map(UclaAnswer::parse_answer).transpose();
        answers.ucla3 = Some(Ucla3 { lack_companionship: p(0)?, left_out: p(1)?, isolated: p(2)? });
    }
    if let Some(o) = &args.ons4 {
        let parts = comma_list(o, 4, "--ons4")?;
        let p = |i: usize, item: Ons4Item| -> anyhow::Result<Option<u8>> {
            parts[i]
                .as_deref()
                .map(|v| {
                    let n: i64 = v.parse().map_err(|_| connect_model::ModelError::InvalidScore {
                        measure: "ONS4",
                        value: v.to_owned(),
                        scale: "0 to 10",
                    })?;
                    Ok(measures::ons4_score(item, n)?)
                })
                .transpose()
        };
        answers.ons4 = Some(Ons4 {
            life_satisfaction: p(0, Ons4Item::LifeSatisfaction)?,
            worthwhile: p(1, Ons4Item::Worthwhile)?,
            happy: p(2, Ons4Item::Happy)?,
            anxious: p(3, Ons4Item::Anxious)?,
        });
    }
    if let Some(m) = &args.life_map {
        for (area, rating) in pairs(m)? {
            answers.life_map.insert(area, rating.parse()?);
        }
    }
    Ok(answers)
}

/// Splits a comma list, keeping empty places as `None` (skipped answers).
fn comma_list(given: &str, expected: usize, what: &str) -> anyhow::Result<Vec<Option<String>>> {
    let parts: Vec<Option<String>> =
        given.split(',').map(|p| Some(p.trim().to_owned()).filter(|p| !p.is_empty())).collect();
    if parts.len() != expected {
        bail!("{what} needs {expected} comma-separated answers (leave one empty to skip it), got {}", parts.len());
    }
    Ok(parts)
}

/// Parses `AREA=rating,AREA=rating`.
fn pairs(given: &str) -> anyhow::Result<Vec<(String, String)>> {
    given
        .split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').context("life map entries look like AREA=red")?;
            Ok((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect()
}
