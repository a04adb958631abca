//! `connect-relay`: run and administer a Connect Companion team relay.
//!
//! Every subcommand takes `--db` (or `CONNECT_RELAY_DB`): a SQLite file path,
//! or a `postgres://` URL, and works the same on both.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use connect_model::{AuthorRole, DeviceId, ResidentId, Timestamp};
use connect_relay::{AppState, admin};
use connect_relay_store::SharedRelayStore;

/// The Connect Companion team relay.
#[derive(Debug, Parser)]
#[command(name = "connect-relay", version)]
struct Cli {
    /// The relay database: a SQLite file path (created if missing), or a
    /// PostgreSQL URL such as postgres://relay@db.internal/connect (TLS as
    /// libpq's ?sslmode=verify-full&sslrootcert=CA.pem say; see README).
    #[arg(long, global = true, env = "CONNECT_RELAY_DB")]
    db: Option<String>,
    /// Most database connections this process opens.
    #[arg(long, global = true, env = "CONNECT_RELAY_DB_POOL", default_value_t = connect_relay_store::POOL_SIZE)]
    db_pool: u32,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the relay.
    Serve(ServeArgs),
    /// Teams.
    #[command(subcommand)]
    Team(TeamCmd),
    /// Issue a one-time, expiring enrolment code; or list or cancel invites.
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Invite {
        #[command(subcommand)]
        action: Option<InviteCmd>,
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long, required = true)]
        team: Option<String>,
        /// Role the code grants.
        #[arg(long, value_enum, required = true)]
        role: Option<Role>,
        /// For a resident: which resident.
        #[arg(long)]
        resident: Option<ResidentId>,
        /// The person's name, as the audit trail will show it (the enrolling device cannot change it).
        #[arg(long)]
        name: Option<String>,
        /// Hours until the code expires (at most 168, a week).
        #[arg(long, default_value_t = admin::DEFAULT_INVITE_HOURS)]
        hours: i64,
    },
    /// End an assignment of a resident to a person.
    Unassign {
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long)]
        team: String,
        /// Resident id.
        resident: ResidentId,
        /// Person id.
        person: uuid::Uuid,
    },
    /// People.
    #[command(subcommand)]
    Person(PersonCmd),
    /// Devices.
    #[command(subcommand)]
    Device(DeviceCmd),
    /// Residents.
    #[command(subcommand)]
    Resident(ResidentCmd),
    /// Assign a resident to a supporter or coordinator.
    Assign {
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long)]
        team: String,
        /// Resident id.
        resident: ResidentId,
        /// Person id.
        person: uuid::Uuid,
    },
    /// People and devices of a team.
    People {
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long)]
        team: String,
    },
    /// Write a consistent copy of the database (SQLite online backup), readable by this user only.
    Backup {
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "CONNECT_RELAY_LISTEN", default_value = "127.0.0.1:8088")]
    listen: SocketAddr,
    /// TLS certificate chain (PEM); with --tls-key the relay serves HTTPS itself.
    #[arg(long, env = "CONNECT_RELAY_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(long, env = "CONNECT_RELAY_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// A JSON file with any of: db, listen, tls_cert, tls_key. Flags and environment win.
    #[arg(long, env = "CONNECT_RELAY_CONFIG")]
    config: Option<PathBuf>,
    /// Serve the built web app in DIR (`scripts/build-web` writes target/web) at `/`, beside the API.
    #[arg(long, env = "CONNECT_RELAY_APP")]
    app: Option<PathBuf>,
    /// Serve Prometheus `/metrics` on this address (no token), e.g. 127.0.0.1:9188.
    #[arg(long, env = "CONNECT_RELAY_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// Serve `/metrics` on the main address to requests with this bearer token.
    #[arg(long, env = "CONNECT_RELAY_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// Seconds a connection has to send a request's headers (and an idle one stays open).
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Most connections open at once; more are told to come back later.
    #[arg(long, default_value_t = 1024)]
    max_connections: usize,
}

#[derive(Debug, Subcommand)]
enum InviteCmd {
    /// A team's invites, newest first (never their codes).
    List {
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long)]
        team: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Cancel an unused invite.
    Cancel {
        /// Invite id (from `invite list`).
        id: uuid::Uuid,
    },
}

#[derive(Debug, Subcommand)]
enum PersonCmd {
    /// Take a person off a team: revokes their devices, keeps their past work in the audit trail.
    Remove {
        /// Team: its name (any letter case, or the start of it) or its id.
        #[arg(long)]
        team: String,
        /// Person id.
        person: uuid::Uuid,
    },
}

#[derive(Debug, Subcommand)]
enum TeamCmd {
    /// Create a team; prints its id and a first coordinator invite.
    Create {
        /// The team's name.
        name: String,
    },
    /// List teams.
    List,
}

#[derive(Debug, Subcommand)]
enum DeviceCmd {
    /// Revoke a device: its next request is refused and it wipes its data.
    Revoke {
        /// Device id.
        id: DeviceId,
    },
}

#[derive(Debug, Subcommand)]
enum ResidentCmd {
    /// Erase everything about a resident, here and on every device at its next sync.
    Erase {
        /// Resident id.
        id: ResidentId,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Role {
    Coordinator,
    Supporter,
    Resident,
}

impl From<Role> for AuthorRole {
    fn from(r: Role) -> Self {
        match r {
            Role::Coordinator => AuthorRole::Coordinator,
            Role::Supporter => AuthorRole::Supporter,
            Role::Resident => AuthorRole::Resident,
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
struct ConfigFile {
    db: Option<String>,
    listen: Option<SocketAddr>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
}

fn now() -> Timestamp {
    Timestamp::new(chrono::Utc::now())
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .json()
        .init();
    let config: ConfigFile = match &cli.command {
        Command::Serve(ServeArgs { config: Some(path), .. }) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            serde_json::from_str(&text).with_context(|| format!("{} is not a valid relay config", path.display()))?
        }
        _ => ConfigFile::default(),
    };
    let address = cli.db.or(config.db.clone()).context(
        "give the database with --db PATH (a SQLite file) or --db postgres://USER@HOST/DB, or set CONNECT_RELAY_DB",
    )?;
    let db = connect_relay_store::open(&address, cli.db_pool)?;
    match cli.command {
        Command::Serve(args) => serve(db, cli.db_pool, args, config),
        Command::Team(TeamCmd::Create { name }) => {
            let invite = admin::create_team(&*db, &name, now())?;
            println!("Team {} created.", name.trim());
            println!("Team id: {}", invite.team);
            println!("First coordinator invite (one use, expires {}):", invite.expires_at);
            println!("{}", invite.code);
            Ok(())
        }
        Command::Team(TeamCmd::List) => {
            for (id, name) in db.teams()? {
                println!("{id}  {name}");
            }
            Ok(())
        }
        Command::Invite { action: Some(action), .. } => invite_action(&*db, action),
        Command::Invite { action: None, team, role, resident, name, hours } => {
            let (Some(team), Some(role)) = (team, role) else { anyhow::bail!("give --team and --role") };
            let team = admin::find_team(&*db, &team)?;
            let from = connect_relay_store::InviteFrom { name, created_by: None };
            let invite = admin::create_invite_from(&*db, team, role.into(), resident, hours, &from, now())?;
            println!("Invite for a {} (one use, expires {}; id {}):", invite.role, invite.expires_at, invite.invite_id);
            println!("{}", invite.code);
            Ok(())
        }
        Command::Unassign { team, resident, person } => {
            let team = admin::find_team(&*db, &team)?;
            admin::unassign(&*db, team, resident, person)?;
            println!("Unassigned: that person's devices no longer receive the resident's documents.");
            Ok(())
        }
        Command::Person(PersonCmd::Remove { team, person }) => {
            let team = admin::find_team(&*db, &team)?;
            let gone = admin::remove_person(&*db, team, person, now())?;
            println!(
                "Removed {person} from the team: {} devices revoked (each wipes itself at its next contact), \
                 {} unused invites cancelled; their past work stays in the audit trail.",
                gone.devices_revoked, gone.invites_cancelled
            );
            Ok(())
        }
        Command::Device(DeviceCmd::Revoke { id }) => {
            anyhow::ensure!(db.revoke_device(id, now())?, "no device {id}");
            println!("Device {id} revoked: its next contact will be refused and it will wipe its data.");
            Ok(())
        }
        Command::Resident(ResidentCmd::Erase { id }) => {
            let erased = db.erase_resident(id, now())?;
            anyhow::ensure!(!erased.is_empty(), "no resident {id} on this relay");
            println!(
                "Erased {} documents of resident {id}; devices delete their copies at their next sync.",
                erased.len()
            );
            Ok(())
        }
        Command::Assign { team, resident, person } => {
            let team = admin::find_team(&*db, &team)?;
            admin::assign(&*db, team, resident, person, now())?;
            println!("Assigned.");
            Ok(())
        }
        Command::People { team } => {
            let team = admin::find_team(&*db, &team)?;
            println!("{}", serde_json::to_string_pretty(&(db.people(team)?, db.devices(team)?))?);
            Ok(())
        }
        Command::Backup { out } => {
            db.backup(&out)?;
            println!("Backed up to {}.", out.display());
            Ok(())
        }
    }
}

/// `invite list` and `invite cancel`.
fn invite_action(db: &(dyn connect_relay_store::RelayStore + Send + Sync), action: InviteCmd) -> anyhow::Result<()> {
    match action {
        InviteCmd::List { team, json } => {
            let team = admin::find_team(db, &team)?;
            let invites = admin::invites(db, team, now())?;
            if json {
                println!("{}", serde_json::to_string_pretty(&connect_sync::api::InvitesResponse { invites })?);
            } else {
                for i in invites {
                    let state = serde_json::to_value(i.state)?;
                    println!(
                        "{}  {:<9} {:<11} {:<24} expires {}{}",
                        i.details.invite_id,
                        state.as_str().unwrap_or_default(),
                        i.details.role.as_str(),
                        i.details.name.as_deref().unwrap_or("(named at enrolment)"),
                        i.details.expires_at,
                        i.details.created_by.map(|d| format!("  made on {d}")).unwrap_or_default()
                    );
                }
            }
            Ok(())
        }
        InviteCmd::Cancel { id } => {
            admin::cancel_invite(db, None, id, now())?;
            println!("Invite {id} cancelled: its code no longer works.");
            Ok(())
        }
    }
}

fn serve(db: SharedRelayStore, pool_size: u32, args: ServeArgs, config: ConfigFile) -> anyhow::Result<()> {
    let listen =
        if args.listen.to_string() == "127.0.0.1:8088" { config.listen.unwrap_or(args.listen) } else { args.listen };
    let tls = match (args.tls_cert.or(config.tls_cert), args.tls_key.or(config.tls_key)) {
        (Some(c), Some(k)) => Some((c, k)),
        (None, None) => None,
        _ => anyhow::bail!("TLS needs both a certificate and a key"),
    };
    eprintln!("relay database: {}", db.place());
    let mut state = AppState::shared(db);
    if let Some(token) = &args.metrics_token {
        state = state.with_metrics_token(token);
    }
    let mut app = connect_relay::router(state.clone());
    if let Some(dir) = &args.app {
        anyhow::ensure!(
            dir.join("index.html").is_file(),
            "{} has no index.html: build the web app first (scripts/build-web)",
            dir.display()
        );
        app = app.merge(connect_relay::web_app::routes(dir));
        eprintln!("serving the web app from {}", dir.display());
    }
    let limits = connect_relay::serve::ServeLimits {
        header_timeout: std::time::Duration::from_secs(args.header_timeout.max(1)),
        max_connections: args.max_connections,
        ..connect_relay::serve::ServeLimits::default()
    };
    let acceptor = tls.map(|(cert, key)| connect_relay::serve::tls_acceptor(&cert, &key)).transpose()?;
    let runtime = connect_relay::runtime(pool_size)?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
        if let Some(metrics) = args.metrics_listen {
            let metrics_listener =
                tokio::net::TcpListener::bind(metrics).await.with_context(|| format!("cannot listen on {metrics}"))?;
            eprintln!("metrics on http://{metrics}/metrics");
            let router = connect_relay::api::metrics_router(state.clone());
            tokio::spawn(connect_relay::serve::serve(metrics_listener, router, None, limits, std::future::pending()));
        }
        tokio::spawn(connect_relay::media::collect_strays_hourly(state.clone()));
        let scheme = if acceptor.is_some() { "https" } else { "http" };
        tracing::info!(%listen, scheme, "relay listening");
        eprintln!("connect-relay listening on {scheme}://{listen}");
        let shutdown = async {
            tokio::signal::ctrl_c().await.ok();
        };
        connect_relay::serve::serve(listener, app, acceptor, limits, shutdown).await;
        anyhow::Ok(())
    })
}
