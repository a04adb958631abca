//! What each command does. Output for people goes to stdout; `--json` prints
//! one JSON value; ids of created things go alone on the last line.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::Utc;
use connect_model::checkin::{Answers, Ons4, Ucla3};
use connect_model::circle::{self, NewTie, TieKind};
use connect_model::journal::{self, Marker, NewEntry};
use connect_model::measures::{self, Ons4Item, UclaAnswer};
use connect_model::page::{self, GoalKind};
use connect_model::{
    Author, AuthorRole, DeviceId, DocKind, DocumentId, EditContext, ResidentId, Timestamp, checkin, story,
};
use connect_store::export::{self, ResidentExport};
use connect_store::{DeviceIdentity, DocumentStore, KeyFile, SqliteStore, SyncStatus};
use connect_sync::api::{AssignRequest, InviteRequest};
use connect_sync::{SyncError, http};
use serde::Serialize;
use zeroize::Zeroizing;

use crate::args::{
    AskCmd, ByArg, CheckinArgs, Cli, Command, ExportFormat, GoalCmd, NoteCmd, OfferCmd, PersonCmd, ResidentCmd,
    RoleArg, StoryCmd,
};
use crate::resolve;

/// The default store: `$XDG_DATA_HOME/connect-companion/device.db`.
fn default_store() -> anyhow::Result<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .context("no --store given and no home directory to keep one in")?;
    Ok(base.join("connect-companion").join("device.db"))
}

struct Session {
    store: SqliteStore,
    me: DeviceIdentity,
    json: bool,
}

impl Session {
    fn now(&self) -> Timestamp {
        Timestamp::new(Utc::now())
    }

    fn ctx(&self) -> EditContext {
        self.me.context(self.now())
    }

    /// The edit context for words spoken by `by`: the resident's own words carry
    /// their name, on this device.
    fn ctx_by(&self, by: ByArg, resident: ResidentId) -> anyhow::Result<EditContext> {
        Ok(match by {
            ByArg::Supporter => self.ctx(),
            ByArg::Resident => {
                let name = self.resident_name(resident)?;
                self.ctx().by(Author::new(AuthorRole::Resident, name, self.me.device_id))
            }
        })
    }

    fn resident_name(&self, resident: ResidentId) -> anyhow::Result<String> {
        let doc = self.store.load(DocumentId::resident(resident, DocKind::Page))?;
        Ok(page::read(&doc)?.preferred_name)
    }

    fn print<T: Serialize>(&self, value: &T, text: impl FnOnce() -> String) -> anyhow::Result<()> {
        let body = if self.json { serde_json::to_string_pretty(value)? + "\n" } else { text() };
        write_stdout(&body)
    }
}

/// Where the passphrase that opens the store comes from in scripts.
const PASSPHRASE_ENV: &str = "CONNECT_PASSPHRASE";
/// Where `connect passphrase` takes the new passphrase from in scripts.
const NEW_PASSPHRASE_ENV: &str = "CONNECT_NEW_PASSPHRASE";

fn store_path(path: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match path {
        Some(p) => Ok(p),
        None => default_store(),
    }
}

/// The passphrase in `env`, or asked for on a terminal (twice when it is a
/// new one, so a typo cannot lock the store).
fn passphrase(env: &str, prompt: &str, new: bool) -> anyhow::Result<Zeroizing<String>> {
    if let Ok(p) = std::env::var(env) {
        return Ok(Zeroizing::new(p));
    }
    if !std::io::stdin().is_terminal() {
        bail!(
            "this device's store is encrypted: set {env} or run `connect` on a terminal to be asked for the passphrase"
        );
    }
    let first = Zeroizing::new(rpassword::prompt_password(prompt).context("cannot read the passphrase")?);
    if new {
        let again =
            Zeroizing::new(rpassword::prompt_password("Type it again: ").context("cannot read the passphrase")?);
        if *first != *again {
            bail!("the two passphrases differ; nothing was changed");
        }
    }
    Ok(first)
}

/// Opens the encrypted store at `path`. `create` makes a new one (with a new
/// passphrase) when nothing is there yet; otherwise a missing store is an
/// error that says how to make one, and nothing is written.
fn open_store(path: Option<PathBuf>, create: bool) -> anyhow::Result<(SqliteStore, PathBuf)> {
    let path = store_path(path)?;
    let exists = path.exists() || KeyFile::for_store(&path).exists();
    if !exists && !create {
        bail!("there is no store at {} yet: run `connect init --name YOUR-NAME` first", path.display());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let pass = if exists {
        passphrase(PASSPHRASE_ENV, "Passphrase for this device's store: ", false)?
    } else {
        passphrase(PASSPHRASE_ENV, "Choose a passphrase for this device's store (at least 6 characters): ", true)?
    };
    let (store, _key) = SqliteStore::open_with_passphrase(&path, &pass, Timestamp::new(Utc::now()))?;
    Ok((store, path))
}

fn session(cli_store: Option<PathBuf>, json: bool) -> anyhow::Result<Session> {
    let (store, path) = open_store(cli_store, false)?;
    let me = store.identity()?.with_context(|| {
        format!("the store at {} is not set up yet: run `connect init --name YOUR-NAME` first", path.display())
    })?;
    Ok(Session { store, me, json })
}

/// `connect encrypt`: encrypts a store kept in clear, in place.
fn encrypt(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = store_path(path)?;
    if !path.exists() {
        bail!("there is no store at {}", path.display());
    }
    let pass =
        passphrase(PASSPHRASE_ENV, "Choose a passphrase for this device's store (at least 6 characters): ", true)?;
    SqliteStore::encrypt_in_place(&path, &pass, Timestamp::new(Utc::now()))?;
    println!("Encrypted {}. Keep the passphrase safe: without it the store cannot be opened.", path.display());
    Ok(())
}

/// `connect passphrase`: rewraps the store's key under a new passphrase.
fn change_passphrase(path: Option<PathBuf>) -> anyhow::Result<()> {
    let path = store_path(path)?;
    let key_file = KeyFile::for_store(&path);
    if !key_file.exists() {
        bail!("the store at {} is not encrypted yet: run `connect encrypt` first", path.display());
    }
    let old = passphrase(PASSPHRASE_ENV, "Current passphrase: ", false)?;
    let new = passphrase(NEW_PASSPHRASE_ENV, "New passphrase (at least 6 characters): ", true)?;
    key_file.change_passphrase(&old, &new, Timestamp::new(Utc::now()))?;
    println!("Changed the passphrase for {}.", path.display());
    Ok(())
}

pub(crate) fn run(cli: Cli) -> anyhow::Result<()> {
    let json = cli.json;
    match &cli.command {
        Command::Init { name, role, device_name } => return init(cli.store.clone(), name, *role, device_name, json),
        Command::Encrypt => return encrypt(cli.store),
        Command::Passphrase => return change_passphrase(cli.store),
        _ => {}
    }
    let s = session(cli.store, json)?;
    let path = s.store.path().to_owned();
    let result = run_with(s, cli.command);
    // A revoked device wipes itself at any contact with the relay, whatever it asked.
    match result {
        Err(e) if e.chain().any(|c| matches!(c.downcast_ref::<SyncError>(), Some(SyncError::Revoked))) => {
            connect_store::destroy_files(std::path::Path::new(&path))?;
            bail!(
                "this device has been revoked by the team; its data and its key have been removed from it ({path} deleted)"
            )
        }
        other => other,
    }
}

fn run_with(mut s: Session, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Init { .. } => bail!("this store is already set up"),
        Command::Encrypt | Command::Passphrase => unreachable!("handled before the store is opened"),
        Command::Status => status(&s),
        Command::Resident(ResidentCmd::Add { name }) => {
            let now = s.now();
            let id = connect_store::create_resident(&mut s.store, &s.me, &name, now)?;
            println!("Added {}.", name.trim());
            println!("{id}");
            Ok(())
        }
        Command::Resident(ResidentCmd::List) => {
            let rows = s.store.caseload()?;
            s.print(&rows, || {
                let mut out = String::new();
                for r in &rows {
                    out.push_str(&format!(
                        "{}  {:<24} offers {:>2}  asks open {:>2}  circle {:>2}  last contact {}  {}\n",
                        r.resident,
                        r.preferred_name,
                        r.offers,
                        r.asks_open,
                        r.circle_size,
                        r.last_contact.map_or("never".into(), |t| t.to_datetime().format("%Y-%m-%d").to_string()),
                        sync_words(r.sync),
                    ));
                }
                if rows.is_empty() {
                    out.push_str("No residents on this device yet.\n");
                }
                out
            })
        }
        Command::Show { resident } => {
            let r = resolve::resident(&s.store, &resident)?;
            let all = export::export_resident(&s.store, r, s.now())?;
            s.print(&all, || describe(&all))
        }
        Command::Offer(OfferCmd::Add { target, category }) => {
            let r = resolve::resident(&s.store, &target.resident)?;
            let ctx = s.ctx_by(target.by, r)?;
            let category = category.parse()?;
            let id = s
                .store
                .edit(DocumentId::resident(r, DocKind::Page), |d| page::add_offer(d, &ctx, &target.text, category))?;
            println!("{id}");
            Ok(())
        }
        Command::Ask(AskCmd::Add { target, category }) => {
            let r = resolve::resident(&s.store, &target.resident)?;
            let ctx = s.ctx_by(target.by, r)?;
            let category = category.parse()?;
            let id = s
                .store
                .edit(DocumentId::resident(r, DocKind::Page), |d| page::add_ask(d, &ctx, &target.text, category))?;
            println!("{id}");
            Ok(())
        }
        Command::Ask(AskCmd::Status { resident, ask, status }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let ask = resolve::item(&s.store.items(r)?, "ask", &ask)?;
            let status = status.parse()?;
            let ctx = s.ctx();
            s.store.edit(DocumentId::resident(r, DocKind::Page), |d| page::set_ask_status(d, &ctx, ask, status))?;
            println!("Ask {ask} is now {status}.");
            Ok(())
        }
        Command::Goal(GoalCmd::Add { target, possibility }) => {
            let r = resolve::resident(&s.store, &target.resident)?;
            let ctx = s.ctx_by(target.by, r)?;
            let kind = if possibility { GoalKind::Possibility } else { GoalKind::Goal };
            let id = s
                .store
                .edit(DocumentId::resident(r, DocKind::Page), |d| page::add_goal(d, &ctx, &target.text, kind))?;
            println!("{id}");
            Ok(())
        }
        Command::Person(PersonCmd::Add { resident, name, ring, two_way, relationship, place }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let ring = ring.parse()?;
            let ctx = s.ctx();
            let kind = if place { TieKind::Place } else { TieKind::Person };
            let new = NewTie { name: &name, kind, relationship: &relationship, ring, two_way };
            let id = s.store.edit(DocumentId::resident(r, DocKind::Circle), |d| circle::add_tie(d, &ctx, &new))?;
            println!("{id}");
            Ok(())
        }
        Command::Person(PersonCmd::Move { resident, person, ring }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let ring = ring.parse()?;
            let id = DocumentId::resident(r, DocKind::Circle);
            let circle = circle::read(&s.store.load(id)?)?;
            let wanted = person.trim().to_lowercase();
            let matches: Vec<_> = circle.ties.iter().filter(|t| t.id.to_string().starts_with(&wanted)).collect();
            let [tie] = matches.as_slice() else {
                bail!("no single person in the circle has an id starting {person:?}");
            };
            let tie_id = tie.id;
            let ctx = s.ctx();
            s.store.edit(id, |d| circle::move_to_ring(d, &ctx, tie_id, ring))?;
            println!("Moved to {ring}.");
            Ok(())
        }
        Command::Note(NoteCmd::Add { resident, text, team_only, not_today, declined, mood }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let marker = if not_today {
                Marker::NotToday
            } else if declined {
                Marker::Declined
            } else {
                Marker::Visit
            };
            let mood = mood.map(|m| m.parse()).transpose()?;
            let visibility = if team_only { journal::Visibility::TeamOnly } else { journal::Visibility::Shared };
            let ctx = s.ctx();
            let entry = NewEntry { happened_at: ctx.now, marker, text: &text, mood };
            let id = s
                .store
                .edit(DocumentId::resident(r, visibility.doc_kind()), |d| journal::add_entry(d, &ctx, &entry))?;
            println!("{id}");
            Ok(())
        }
        Command::Checkin(args) => checkin(&mut s, &args),
        Command::Story(StoryCmd::Set { resident, text }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let ctx = s.ctx_by(ByArg::Resident, r)?;
            s.store.edit(DocumentId::resident(r, DocKind::Story), |d| story::set_text(d, &ctx, &text))?;
            println!("Story saved.");
            Ok(())
        }
        Command::Story(StoryCmd::Consent { resident, level }) => {
            let r = resolve::resident(&s.store, &resident)?;
            let level = level.parse()?;
            let ctx = s.ctx_by(ByArg::Resident, r)?;
            s.store.edit(DocumentId::resident(r, DocKind::Story), |d| story::set_consent(d, &ctx, level))?;
            println!("Consent is now {level}.");
            Ok(())
        }
        Command::Search { text } => {
            let hits = s.store.search(&text)?;
            s.print(&hits, || {
                let mut out = String::new();
                for h in &hits {
                    out.push_str(&format!("{}  {:<20} {:<6} {}\n", h.resident, h.preferred_name, h.field, h.text));
                }
                if hits.is_empty() {
                    out.push_str("Nothing found.\n");
                }
                out
            })
        }
        Command::Export { resident, format, out } => {
            let r = resolve::resident(&s.store, &resident)?;
            match format {
                ExportFormat::Json => {
                    let mut all = export::export_resident(&s.store, r, s.now())?;
                    join_relay_history(&s, &mut all)?;
                    let text = serde_json::to_string_pretty(&all)?;
                    std::fs::write(&out, text).with_context(|| format!("cannot write {}", out.display()))?;
                    println!("Wrote {}.", out.display());
                }
                ExportFormat::Html => {
                    let mut all = export::export_resident(&s.store, r, s.now())?;
                    join_relay_history(&s, &mut all)?;
                    std::fs::write(&out, export::to_html(&all))
                        .with_context(|| format!("cannot write {}", out.display()))?;
                    println!("Wrote {}.", out.display());
                }
                ExportFormat::Automerge => {
                    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
                    for (id, bytes) in export::export_automerge(&s.store, r)? {
                        let file = out.join(format!("{id}.automerge"));
                        std::fs::write(&file, bytes).with_context(|| format!("cannot write {}", file.display()))?;
                        println!("{}", file.display());
                    }
                }
            }
            Ok(())
        }
        Command::Report { csv, per_resident } => {
            let now = s.now();
            if csv {
                let (aggregate, rows) = connect_store::team::insight_csvs(&mut s.store, now)?;
                return write_stdout(if per_resident { &rows } else { &aggregate });
            }
            let insights = connect_store::team::insights(&s.store)?;
            s.print(&insights, || {
                insights.rows().iter().map(|(measure, figure)| format!("{measure}: {}\n", figure.words())).collect()
            })
        }
        Command::History { resident } => {
            let r = resolve::resident(&s.store, &resident)?;
            history(&s, r)
        }
        Command::Import { files } => {
            #[derive(Serialize)]
            struct Imported {
                file: String,
                document: DocumentId,
                outcome: export::ImportOutcome,
            }
            // Read everything first: a bad file stops the import before anything changes.
            let mut loaded = Vec::new();
            for file in &files {
                let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
                connect_model::automerge::Automerge::load(&bytes)
                    .with_context(|| format!("{} is not an Automerge document", file.display()))?;
                loaded.push((file.display().to_string(), bytes));
            }
            let mut done = Vec::new();
            for (file, bytes) in loaded {
                let (document, outcome) =
                    export::import_automerge(&mut s.store, &bytes).with_context(|| format!("importing {file}"))?;
                done.push(Imported { file, document, outcome });
            }
            s.print(&done, || done.iter().map(|d| format!("{}: {:?} ({})\n", d.file, d.outcome, d.document)).collect())
        }
        Command::Demo { residents } => {
            let now = s.now();
            let ids = connect_store::demo::seed_demo(&mut s.store, &s.me, residents, now)?;
            println!("Seeded {} fictional residents (demo data).", ids.len());
            Ok(())
        }
        Command::Reindex => {
            s.store.rebuild_indexes()?;
            println!("Index rebuilt from {} documents.", s.store.document_ids()?.len());
            Ok(())
        }
        Command::Hide { resident, item } => set_hidden(&mut s, &resident, &item, true),
        Command::Unhide { resident, item } => set_hidden(&mut s, &resident, &item, false),
        Command::Match => {
            let suggestions = connect_store::team::suggestions(&s.store)?;
            s.print(&suggestions, || {
                let mut out = String::new();
                for m in &suggestions {
                    let why: Vec<String> = m.reasons.iter().map(ToString::to_string).collect();
                    out.push_str(&format!(
                        "{} asks: {}\n  {} offers: {}\n  why: {}\n",
                        m.ask.name,
                        m.ask.text,
                        m.offer.name,
                        m.offer.text,
                        why.join("; ")
                    ));
                }
                if suggestions.is_empty() {
                    out.push_str(
                        "No suggestions: no open ask shares words or a kind of help with another resident's offer.\n",
                    );
                }
                out
            })
        }
        Command::Enrol { relay, invite, allow_insecure_http } => enrol(&mut s, &relay, &invite, allow_insecure_http),
        Command::Sync => sync(s),
        Command::Invite { role, resident, hours } => {
            let resident = resident.map(|r| resolve::resident(&s.store, &r)).transpose()?;
            let role: AuthorRole = role.parse()?;
            let issued = relay_client(&s)?.invite(&InviteRequest { role, resident, hours, name: None })?;
            s.print(&issued, || {
                format!("Invite for a {} (one use, expires {}):\n{}\n", issued.role, issued.expires_at, issued.code)
            })
        }
        Command::Assign { resident, person } => {
            let resident = resolve::resident(&s.store, &resident)?;
            let person: uuid::Uuid = person.trim().parse().context("the person id is a UUID (see `connect people`)")?;
            relay_client(&s)?.assign(&AssignRequest { resident, person })?;
            println!("Assigned; their devices receive the resident at their next sync.");
            Ok(())
        }
        Command::People => {
            let people = relay_client(&s)?.people()?;
            s.print(&people, || {
                let mut out = String::new();
                for p in &people.people {
                    out.push_str(&format!("{}  {:<12} {}\n", p.person_id, p.role.as_str(), p.name));
                }
                for d in &people.devices {
                    out.push_str(&format!(
                        "device {}  {}{}\n",
                        d.device_id,
                        d.name,
                        if d.revoked { "  (revoked)" } else { "" }
                    ));
                }
                out
            })
        }
        Command::Revoke { device } => {
            let device: DeviceId = device.parse()?;
            relay_client(&s)?.revoke(device)?;
            println!("Device {device} revoked: its next contact with the relay wipes it.");
            Ok(())
        }
    }
}

/// Hides an offer, ask or goal (kept, marked archived), or brings it back.
fn set_hidden(s: &mut Session, resident: &str, item: &str, hide: bool) -> anyhow::Result<()> {
    let r = resolve::resident(&s.store, resident)?;
    let items = s.store.items(r)?;
    let wanted = item.trim().to_lowercase();
    let found: Vec<_> =
        items.iter().filter(|i| !wanted.is_empty() && i.item_id.to_string().starts_with(&wanted)).collect();
    let [found] = found.as_slice() else { bail!("no single offer, ask or goal has an id starting {item:?}") };
    let section = match found.section {
        "offer" => page::Section::Offers,
        "ask" => page::Section::Asks,
        _ => page::Section::Goals,
    };
    let (id, ctx) = (found.item_id, s.ctx());
    s.store.edit(DocumentId::resident(r, DocKind::Page), |d| page::set_archived(d, &ctx, section, id, hide))?;
    println!("{}", if hide { "Hidden (kept; `connect unhide` brings it back)." } else { "Back on the page." });
    Ok(())
}

/// Names everyone in an export's audit trail from the relay's records, when
/// this device is enrolled and the relay answers; says so when it cannot.
fn join_relay_history(s: &Session, export: &mut ResidentExport) -> anyhow::Result<()> {
    let Ok(relay) = relay_client(s) else { return Ok(()) };
    match relay.history(export.resident) {
        Ok(records) => export.join_relay(&records),
        Err(SyncError::Revoked) => return Err(SyncError::Revoked.into()),
        Err(e) => {
            eprintln!("connect: could not ask the relay who made each change ({e}); only this device's are named");
        }
    }
    Ok(())
}

/// `connect history`: who changed what about a resident, and when.
fn history(s: &Session, resident: ResidentId) -> anyhow::Result<()> {
    let mut all = export::export_resident(&s.store, resident, s.now())?;
    join_relay_history(s, &mut all)?;
    s.print(&all.audit, || {
        let mut out = String::new();
        for e in &all.audit {
            let who = e.person.as_deref().map_or_else(
                || e.device.map_or_else(|| "unknown".to_owned(), |d| format!("device {d}")),
                |p| e.role.map_or_else(|| p.to_owned(), |r| format!("{p} ({r})")),
            );
            let reached = if e.on_relay {
                "on the relay"
            } else if all.audit_is_local_only {
                ""
            } else {
                "only on this device"
            };
            out.push_str(&format!(
                "{}  {:<10} {:<24} {who}  {reached}\n",
                e.made_at.to_datetime().format("%Y-%m-%d %H:%M:%S"),
                e.kind.as_str(),
                e.what,
            ));
        }
        out
    })
}

/// The relay address and token this device enrolled with.
fn relay_settings(s: &Session) -> anyhow::Result<(String, String, bool)> {
    let url = s.store.setting(http::RELAY_URL_SETTING)?;
    let token = s.store.setting(http::RELAY_TOKEN_SETTING)?;
    let insecure = s.store.setting(http::INSECURE_SETTING)?.as_deref() == Some("true");
    match (url, token) {
        (Some(u), Some(t)) => Ok((u, t, insecure)),
        _ => bail!("this device is not enrolled with a relay yet: run `connect enrol --relay URL --invite CODE`"),
    }
}

fn relay_client(s: &Session) -> anyhow::Result<http::RelayClient> {
    let (url, token, insecure) = relay_settings(s)?;
    Ok(http::RelayClient::new(&url, &token, insecure)?)
}

fn enrol(s: &mut Session, relay: &str, invite: &str, allow_insecure_http: bool) -> anyhow::Result<()> {
    if s.store.setting(http::RELAY_TOKEN_SETTING)?.is_some() {
        bail!("this device is already enrolled; a device enrols once (use a new store for another team)");
    }
    let enrolment =
        http::enrol(relay, invite, s.me.device_id, &s.me.device_name, &s.me.person_name, allow_insecure_http)?;
    s.store.set_setting(http::RELAY_URL_SETTING, Some(relay.trim()))?;
    s.store.set_setting(http::RELAY_TOKEN_SETTING, Some(&enrolment.token))?;
    s.store.set_setting(http::TEAM_SETTING, Some(&enrolment.team.to_string()))?;
    s.store.set_setting(http::PERSON_SETTING, Some(&enrolment.person.person_id.to_string()))?;
    if allow_insecure_http {
        s.store.set_setting(http::INSECURE_SETTING, Some("true"))?;
    }
    // The relay's word on this person's role is the one that counts.
    let identity = DeviceIdentity { role: enrolment.person.role, ..s.me.clone() };
    s.store.set_identity(&identity)?;
    #[derive(Serialize)]
    struct Enrolled {
        device_id: DeviceId,
        team: connect_model::TeamId,
        person_id: uuid::Uuid,
        role: AuthorRole,
    }
    let out = Enrolled {
        device_id: s.me.device_id,
        team: enrolment.team,
        person_id: enrolment.person.person_id,
        role: enrolment.person.role,
    };
    s.print(&out, || {
        format!(
            "Enrolled as {} ({}) on team {}.\nThis device: {}\nRun `connect sync` to fetch the team's documents.\n",
            enrolment.person.name, enrolment.person.role, enrolment.team, s.me.device_id
        )
    })
}

fn sync(mut s: Session) -> anyhow::Result<()> {
    let (url, token, insecure) = relay_settings(&s)?;
    let mut transport = http::HttpTransport::new(&url, &token, insecure)?;
    match connect_sync::run_session(&mut s.store, &mut transport, Utc::now()) {
        Ok(report) => s.print(&report, || {
            let mut out = format!(
                "Synced in {} round trip{}: {} bytes up, {} bytes down, {} documents changed here, {} sent.\n",
                report.rounds,
                if report.rounds == 1 { "" } else { "s" },
                report.bytes_up,
                report.bytes_down,
                report.documents_changed,
                report.documents_sent,
            );
            if report.documents_erased > 0 {
                out.push_str(&format!(
                    "{} documents were erased on request and removed from this device.\n",
                    report.documents_erased
                ));
            }
            for (id, reason) in &report.rejected {
                out.push_str(&format!("The relay did not accept {id}: {reason}. Your changes stay on this device.\n"));
            }
            out.push_str(&match report.pending {
                0 => "Everything on this device is on the relay.\n".to_owned(),
                n => format!("{n} documents have changes not yet on the relay.\n"),
            });
            out
        }),
        Err(SyncError::Revoked) => Err(SyncError::Revoked.into()),
        Err(e) => {
            let pending = s.store.pending()?.len();
            Err(anyhow::Error::new(e)
                .context(format!("sync did not finish; nothing is lost: {pending} documents wait on this device")))
        }
    }
}

fn init(store: Option<PathBuf>, name: &str, role: RoleArg, device_name: &str, json: bool) -> anyhow::Result<()> {
    let person_name = connect_model::limits::required("name", name, connect_model::limits::NAME_MAX)?;
    let (mut store, path) = open_store(store, true)?;
    if let Some(existing) = store.identity()? {
        bail!(
            "{} is already set up for {} (device {}); use another --store for another device",
            path.display(),
            existing.person_name,
            existing.device_id
        );
    }
    let identity = DeviceIdentity {
        device_id: DeviceId::random(),
        device_name: device_name.trim().to_owned(),
        person_name,
        role: match role {
            RoleArg::Supporter => AuthorRole::Supporter,
            RoleArg::Coordinator => AuthorRole::Coordinator,
            RoleArg::Resident => AuthorRole::Resident,
        },
        created_at: Timestamp::new(Utc::now()),
    };
    store.set_identity(&identity)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&identity)?);
    } else {
        println!("Set up {} for {} ({}).", path.display(), identity.person_name, identity.role);
        println!("{}", identity.device_id);
    }
    Ok(())
}

/// Writes to stdout; a reader that went away (`connect … | head`) is not an error.
fn write_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn sync_words(status: SyncStatus) -> &'static str {
    match status {
        SyncStatus::OnlyOnThisDevice => "only on this device",
        SyncStatus::ChangesWaiting => "changes waiting",
        SyncStatus::OnRelay => "on the relay",
    }
}

fn status(s: &Session) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Status<'a> {
        device_id: DeviceId,
        device_name: &'a str,
        person_name: &'a str,
        role: AuthorRole,
        store: &'a str,
        encrypted: bool,
        residents: usize,
        documents: usize,
        pending: usize,
        last_sync: Option<String>,
        relay: Option<String>,
    }
    let st = Status {
        device_id: s.me.device_id,
        device_name: &s.me.device_name,
        person_name: &s.me.person_name,
        role: s.me.role,
        store: s.store.path(),
        encrypted: s.store.is_encrypted(),
        residents: s.store.caseload()?.len(),
        documents: s.store.document_ids()?.len(),
        pending: s.store.pending()?.len(),
        last_sync: s.store.setting(connect_sync::driver::LAST_SYNC_SETTING)?,
        relay: s.store.setting(http::RELAY_URL_SETTING)?,
    };
    s.print(&st, || {
        format!(
            "Device {} ({}) for {} ({})\nStore {} ({})\n{} residents, {} documents, {} with changes not yet on the relay\nLast sync: {}\n",
            st.device_id,
            st.device_name,
            st.person_name,
            st.role,
            st.store,
            if st.encrypted { "encrypted" } else { "NOT encrypted: run `connect encrypt`" },
            st.residents,
            st.documents,
            st.pending,
            st.last_sync.as_deref().unwrap_or("never"),
        )
    })
}

fn checkin(s: &mut Session, args: &CheckinArgs) -> anyhow::Result<()> {
    let r = resolve::resident(&s.store, &args.resident)?;
    let ctx = s.ctx_by(args.by, r)?;
    let id = DocumentId::resident(r, DocKind::Checkins);
    if args.not_today {
        let item = s.store.edit(id, |d| checkin::not_today(d, &ctx))?;
        println!("Recorded \"not today\".");
        println!("{item}");
        return Ok(());
    }
    let mut answers = Answers { share_in_reports: args.share, ..Answers::default() };
    if let Some(l) = &args.loneliness {
        answers.loneliness = Some(l.parse()?);
    }
    if let Some(u) = &args.ucla3 {
        let parts = resolve::comma_list(u, 3, "--ucla3")?;
        let p = |i: usize| parts[i].as_deref().map(UclaAnswer::parse_answer).transpose();
        answers.ucla3 = Some(Ucla3 { lack_companionship: p(0)?, left_out: p(1)?, isolated: p(2)? });
    }
    if let Some(o) = &args.ons4 {
        let parts = resolve::comma_list(o, 4, "--ons4")?;
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
        for (area, rating) in resolve::pairs(m)? {
            answers.life_map.insert(area, rating.parse()?);
        }
    }
    let item = s.store.edit(id, |d| checkin::record(d, &ctx, answers))?;
    let latest = checkin::read(&s.store.load(id)?)?;
    if let Some(total) = latest.latest().and_then(|c| c.ucla3).and_then(|u| u.total()) {
        println!("UCLA 3-item total: {total} (3 to 9, higher is lonelier).");
    }
    println!("{item}");
    Ok(())
}

/// A check-in's scores in words: "UCLA 3-item total 8; ONS4 life
/// satisfaction 6 (medium), …; loneliness: occasionally; life map: home green".
fn checkin_words(c: &checkin::CheckIn) -> String {
    if c.not_today {
        return " not today".to_owned();
    }
    let scores = c.scores();
    let mut parts = Vec::new();
    if let Some(total) = scores.ucla3_total {
        parts.push(format!("UCLA 3-item total {total}"));
    }
    let ons4: Vec<String> = scores
        .ons4_items()
        .iter()
        .map(|(item, s)| format!("{} {} ({})", item.as_str().replace('-', " "), s.answer, s.band))
        .collect();
    if !ons4.is_empty() {
        parts.push(format!("ONS4 {}", ons4.join(", ")));
    }
    if let Some(lonely) = scores.loneliness {
        parts.push(format!("loneliness: {lonely}"));
    }
    if !scores.life_map.is_empty() {
        let areas: Vec<String> = scores.life_map.iter().map(|(area, rag)| format!("{area} {rag}")).collect();
        parts.push(format!("life map: {}", areas.join(", ")));
    }
    if parts.is_empty() { " no answers".to_owned() } else { format!(" {}", parts.join("; ")) }
}

/// A readable account of everything held about a resident.
fn describe(all: &ResidentExport) -> String {
    let mut out = String::new();
    let who = |a: &Author| if a.is_resident() { "in their words".to_owned() } else { format!("added by {}", a.name) };
    if let Some(p) = &all.page {
        out.push_str(&format!("{}  ({})\n", p.preferred_name, p.resident));
        if !p.about_me.is_empty() {
            out.push_str(&format!("About me: {}\n", p.about_me));
        }
        out.push_str("\nWhat I can offer:\n");
        for o in p.current_offers() {
            out.push_str(&format!("  - {} [{}] ({}) {}\n", o.text, o.category, who(&o.author), o.id));
        }
        out.push_str("\nCould you help me with…?\n");
        for a in p.current_asks() {
            out.push_str(&format!("  - {} [{}] ({}) {}\n", a.text, a.status, who(&a.author), a.id));
        }
        out.push_str("\nGoals:\n");
        for g in p.current_goals() {
            out.push_str(&format!("  - {} ({}) {}\n", g.text, who(&g.author), g.id));
        }
    }
    if let Some(c) = &all.circle {
        out.push_str("\nCircle of care:\n");
        for t in c.current() {
            let both = if t.two_way { ", both ways" } else { "" };
            out.push_str(&format!("  - {} ({}{}) on {} {}\n", t.name, t.relationship, both, t.ring(), t.id));
        }
    }
    for j in [&all.journal, &all.team_notes].into_iter().flatten() {
        out.push_str(match j.visibility {
            journal::Visibility::Shared => "\nJournal (shared with the resident):\n",
            journal::Visibility::TeamOnly => "\nTeam-only notes:\n",
        });
        for e in j.entries.iter().filter(|e| !e.archived) {
            let text = if e.text.is_empty() { "(no words)" } else { e.text.as_str() };
            out.push_str(&format!("  - {} {}: {}\n", e.happened_at.to_datetime().format("%Y-%m-%d"), e.marker, text));
        }
    }
    if let Some(c) = &all.checkins {
        out.push_str(&format!("\nCheck-ins: {}\n", c.checkins.len()));
        if let Some(l) = c.latest() {
            if let Some(total) = l.ucla3.and_then(|u| u.total()) {
                out.push_str(&format!("  latest UCLA 3-item total {total}\n"));
            }
            if let Some(lonely) = l.loneliness {
                out.push_str(&format!("  latest loneliness answer: {lonely}\n"));
            }
        }
        for checkin in c.checkins.iter().filter(|c| !c.archived) {
            out.push_str(&format!("  - {}:", checkin.taken_at.to_datetime().format("%Y-%m-%d")));
            out.push_str(&checkin_words(checkin));
            out.push('\n');
        }
    }
    if let Some(s) = &all.story {
        out.push_str(&format!("\nStory (consent: {}): {}\n", s.consent, s.text));
    }
    out
}
