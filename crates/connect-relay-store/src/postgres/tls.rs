//! TLS to PostgreSQL through rustls, set as libpq sets it: `sslmode` and
//! `sslrootcert` in the `postgres://` URL.
//!
//! | `sslmode`          | encrypted                 | certificate checked                          |
//! |--------------------|---------------------------|----------------------------------------------|
//! | `disable`          | never                     | –                                            |
//! | `prefer` (default) | if the server offers TLS  | no                                           |
//! | `require`          | always                    | no (as `verify-ca` when `sslrootcert` is set) |
//! | `verify-ca`        | always                    | signed by the CA in `sslrootcert`            |
//! | `verify-full`      | always                    | that, and issued for the URL's host          |
//!
//! `sslrootcert` is a PEM file of CA certificates, or `system` for the web's
//! public CAs (Mozilla's list), which like libpq 16 implies `verify-full`.
//!
//! The `postgres` crate understands only `disable`, `prefer` and `require` and
//! no `sslrootcert`, so [`TlsOptions::split`] takes both out of the URL before
//! the crate parses the rest, and [`TlsOptions::connector`] builds the rustls
//! configuration that enforces them. `tokio-postgres-rustls` does the
//! handshake (and offers SCRAM channel binding).

use std::path::PathBuf;
use std::sync::Arc;

use percent_encoding::percent_decode_str;
use postgres::config::SslMode as WireMode;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::{RelayStoreError, Result};

/// libpq's `sslmode`, less `allow` (plain first, TLS if refused), which the
/// `postgres` crate cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SslMode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

impl SslMode {
    /// libpq's name for it, for `pg_dump`'s `PGSSLMODE`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Disable => "disable",
            Self::Prefer => "prefer",
            Self::Require => "require",
            Self::VerifyCa => "verify-ca",
            Self::VerifyFull => "verify-full",
        }
    }

    fn parse(value: &str) -> Result<Self> {
        Ok(match value {
            "disable" => Self::Disable,
            "prefer" => Self::Prefer,
            "require" => Self::Require,
            "verify-ca" => Self::VerifyCa,
            "verify-full" => Self::VerifyFull,
            other => {
                return Err(RelayStoreError::BadAddress(format!(
                    "sslmode={other} is not one this relay knows: use disable, prefer, require, verify-ca or verify-full"
                )));
            }
        })
    }

    /// What the `postgres` crate is told: whether TLS may, or must, be used.
    fn wire(self) -> WireMode {
        match self {
            Self::Disable => WireMode::Disable,
            Self::Prefer => WireMode::Prefer,
            Self::Require | Self::VerifyCa | Self::VerifyFull => WireMode::Require,
        }
    }
}

/// Where the CA certificates that `verify-ca` and `verify-full` trust come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RootCert {
    /// A PEM file of CA certificates.
    File(PathBuf),
    /// The web's public CAs (`sslrootcert=system`).
    System,
}

/// How one PostgreSQL address asks to be connected to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TlsOptions {
    pub(crate) mode: SslMode,
    pub(crate) root_cert: Option<RootCert>,
}

impl TlsOptions {
    /// Takes `sslmode` and `sslrootcert` out of `address` and returns them
    /// with the rest of the address, for [`postgres::Config`].
    pub(crate) fn split(address: &str) -> Result<(String, Self)> {
        let is_url = address.starts_with("postgres://") || address.starts_with("postgresql://");
        let Some((base, query)) = address.split_once('?').filter(|_| is_url) else {
            if !is_url && (address.contains("sslrootcert") || address.contains("verify-")) {
                return Err(RelayStoreError::BadAddress(
                    "sslrootcert and sslmode=verify-ca or verify-full are read from a postgres:// URL: \
                     write the address as postgres://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=PATH"
                        .into(),
                ));
            }
            // No parameters, or libpq's key=value form, whose `sslmode` (disable,
            // prefer or require) the `postgres` crate reads itself.
            return Ok((address.to_owned(), Self { mode: SslMode::Prefer, root_cert: None }));
        };
        let (mut mode, mut root_cert) = (None, None);
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decoded = || percent_decode_str(value).decode_utf8_lossy().into_owned();
            match key {
                "sslmode" => mode = Some(SslMode::parse(&decoded())?),
                "sslrootcert" => {
                    root_cert = Some(match decoded().as_str() {
                        "system" => RootCert::System,
                        path => RootCert::File(path.into()),
                    });
                }
                _ => rest.push(pair),
            }
        }
        let mode = match (mode, &root_cert) {
            // As libpq 16: the public CAs are only worth trusting for the right host.
            (None, Some(RootCert::System)) => SslMode::VerifyFull,
            (Some(m), Some(RootCert::System)) if m != SslMode::VerifyFull => {
                return Err(RelayStoreError::BadAddress(format!(
                    "sslrootcert=system needs sslmode=verify-full (it was sslmode={})",
                    m.name()
                )));
            }
            // As libpq: with a CA file, `require` checks the certificate against it.
            (Some(SslMode::Require), Some(RootCert::File(_))) => SslMode::VerifyCa,
            (Some(m @ (SslMode::VerifyCa | SslMode::VerifyFull)), None) => {
                return Err(RelayStoreError::BadAddress(format!(
                    "sslmode={} needs sslrootcert=PATH, the CA certificate (PEM) that signed the database's certificate",
                    m.name()
                )));
            }
            (m, _) => m.unwrap_or(SslMode::Prefer),
        };
        let rest = if rest.is_empty() { base.to_owned() } else { format!("{base}?{}", rest.join("&")) };
        Ok((rest, Self { mode, root_cert }))
    }

    /// Sets the `postgres` crate's side of the mode on `config`. In libpq's
    /// key=value form the crate has read `sslmode` itself: that stands.
    pub(crate) fn apply(&mut self, config: &mut postgres::Config, from_url: bool) {
        if from_url {
            config.ssl_mode(self.mode.wire());
        } else {
            self.mode = match config.get_ssl_mode() {
                WireMode::Disable => SslMode::Disable,
                WireMode::Require => SslMode::Require,
                _ => SslMode::Prefer,
            };
        }
    }

    /// The rustls connector that enforces these options.
    pub(crate) fn connector(&self) -> Result<MakeRustlsConnect> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| RelayStoreError::BadAddress(format!("TLS to PostgreSQL cannot be set up: {e}")))?;
        let algorithms = provider.signature_verification_algorithms;
        let verifier: Arc<dyn ServerCertVerifier> = match (self.mode, &self.root_cert) {
            (SslMode::VerifyCa | SslMode::VerifyFull, Some(root)) => {
                let full = WebPkiServerVerifier::builder_with_provider(Arc::new(root_store(root)?), provider)
                    .build()
                    .map_err(|e| RelayStoreError::BadAddress(format!("sslrootcert cannot be used: {e}")))?;
                if self.mode == SslMode::VerifyFull { full } else { Arc::new(Lenient { ca: Some(full), algorithms }) }
            }
            _ => Arc::new(Lenient { ca: None, algorithms }),
        };
        let config = builder.dangerous().with_custom_certificate_verifier(verifier).with_no_client_auth();
        Ok(MakeRustlsConnect::new(config))
    }
}

/// The CA certificates `root` names.
fn root_store(root: &RootCert) -> Result<RootCertStore> {
    let path = match root {
        RootCert::System => return Ok(RootCertStore { roots: webpki_roots::TLS_SERVER_ROOTS.to_vec() }),
        RootCert::File(path) => path,
    };
    let unusable = |reason: String| {
        RelayStoreError::BadAddress(format!("sslrootcert={} cannot be used: {reason}", path.display()))
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(|e| unusable(e.to_string()))?
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| unusable(e.to_string()))?;
    let mut store = RootCertStore::empty();
    let (added, _) = store.add_parsable_certificates(certs);
    if added == 0 {
        return Err(unusable("it holds no PEM certificate".into()));
    }
    Ok(store)
}

/// `prefer` and `require` (no `ca`): encrypted, but any certificate is
/// taken, as libpq does. `verify-ca`: `verify-full` less the host name;
/// rustls checks the chain before the name, so a wrong name means the chain
/// passed. Either way the handshake's signatures are checked.
#[derive(Debug)]
struct Lenient {
    ca: Option<Arc<WebPkiServerVerifier>>,
    algorithms: WebPkiSupportedAlgorithms,
}

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        let Some(ca) = &self.ca else { return Ok(ServerCertVerified::assertion()) };
        match ca.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.algorithms.supported_schemes()
    }
}

/// A plain account of a TLS failure in `e`, if it was one: which check the
/// database's certificate failed, and what to do about it.
pub(crate) fn explain(e: &postgres::Error, options: &TlsOptions) -> Option<String> {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    let mut found = None;
    while let Some(s) = source {
        if let Some(tls) = s.downcast_ref::<rustls::Error>() {
            found = Some(tls.clone());
        } else if let Some(tls) = s.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            found = found.or_else(|| tls.downcast_ref::<rustls::Error>().cloned());
        }
        source = s.source();
    }
    let rustls::Error::InvalidCertificate(problem) = found? else {
        return None;
    };
    let trusted = match &options.root_cert {
        Some(RootCert::File(path)) => format!("the CA in sslrootcert={}", path.display()),
        Some(RootCert::System) => "a public CA (sslrootcert=system)".into(),
        None => "a trusted CA".into(),
    };
    Some(match problem {
        CertificateError::UnknownIssuer | CertificateError::BadSignature => {
            format!("the database's TLS certificate is not signed by {trusted} ({problem:?}); refused")
        }
        CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => format!(
            "the database's TLS certificate is not issued for the host in the address ({problem:?}); refused: \
             connect by the name the certificate names, or use sslmode=verify-ca"
        ),
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            format!("the database's TLS certificate has expired ({problem:?}); refused")
        }
        other => format!("the database's TLS certificate was refused ({other:?})"),
    })
}

#[cfg(test)]
mod tests {
    use super::{RootCert, SslMode, TlsOptions};

    fn split(address: &str) -> (String, TlsOptions) {
        TlsOptions::split(address).unwrap()
    }

    fn refused(address: &str) -> String {
        TlsOptions::split(address).unwrap_err().to_string()
    }

    #[test]
    fn without_sslmode_a_url_prefers_tls_and_keeps_its_other_parameters() {
        let (rest, tls) = split("postgres://u@h:1/db?connect_timeout=3");
        assert_eq!(rest, "postgres://u@h:1/db?connect_timeout=3");
        assert_eq!(tls, TlsOptions { mode: SslMode::Prefer, root_cert: None });
        assert_eq!(split("postgres://u@h:1/db").1.mode, SslMode::Prefer);
    }

    #[test]
    fn sslmode_and_a_percent_encoded_sslrootcert_are_taken_out_of_the_url() {
        let (rest, tls) =
            split("postgresql://u@h/db?application_name=x&sslmode=verify-full&sslrootcert=%2Fetc%2Fmy%20ca.pem");
        assert_eq!(rest, "postgresql://u@h/db?application_name=x");
        assert_eq!(
            tls,
            TlsOptions { mode: SslMode::VerifyFull, root_cert: Some(RootCert::File("/etc/my ca.pem".into())) }
        );
        assert_eq!(
            split("postgres://u@h/db?sslmode=disable"),
            ("postgres://u@h/db".into(), TlsOptions { mode: SslMode::Disable, root_cert: None })
        );
    }

    #[test]
    fn require_with_a_ca_file_checks_the_certificate_as_libpq_does() {
        assert_eq!(split("postgres://u@h/db?sslmode=require&sslrootcert=/ca.pem").1.mode, SslMode::VerifyCa);
        assert_eq!(split("postgres://u@h/db?sslmode=require").1.mode, SslMode::Require);
    }

    #[test]
    fn the_public_cas_imply_verify_full_and_refuse_a_weaker_mode() {
        assert_eq!(
            split("postgres://u@h/db?sslrootcert=system").1,
            TlsOptions { mode: SslMode::VerifyFull, root_cert: Some(RootCert::System) }
        );
        assert!(refused("postgres://u@h/db?sslrootcert=system&sslmode=require").contains("needs sslmode=verify-full"));
    }

    #[test]
    fn a_check_without_a_ca_an_unknown_mode_or_a_check_outside_a_url_is_refused_plainly() {
        assert!(refused("postgres://u@h/db?sslmode=verify-full").contains("needs sslrootcert=PATH"));
        assert!(refused("postgres://u@h/db?sslmode=verify-ca").contains("needs sslrootcert=PATH"));
        assert!(refused("postgres://u@h/db?sslmode=allow").contains("sslmode=allow is not one this relay knows"));
        assert!(refused("host=h sslmode=verify-full sslrootcert=/ca.pem").contains("postgres:// URL"));
        assert_eq!(split("host=h sslmode=require").0, "host=h sslmode=require", "key=value passes through");
    }

    #[test]
    fn a_ca_file_that_is_missing_or_holds_no_certificate_is_named_in_the_error() {
        let missing = split("postgres://u@h/db?sslmode=verify-full&sslrootcert=/no/such/ca.pem").1;
        let err = missing.connector().err().unwrap().to_string();
        assert!(err.contains("sslrootcert=/no/such/ca.pem cannot be used"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.pem");
        std::fs::write(&empty, "not a certificate\n").unwrap();
        let tls = TlsOptions { mode: SslMode::VerifyFull, root_cert: Some(RootCert::File(empty)) };
        let err = tls.connector().err().unwrap().to_string();
        assert!(err.contains("holds no PEM certificate"), "{err}");
    }
}
