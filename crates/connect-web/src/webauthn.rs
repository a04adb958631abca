//! The phone's fingerprint or face unlock, on the page: WebAuthn with the PRF
//! extension. Registering makes a credential on the phone's own platform
//! authenticator (its secure hardware) and asks it for the 32 bytes it
//! derives from this app's random salt; unlocking asks again. Only those 32
//! bytes go to the store's worker, which combines them with the PIN: the
//! credential never leaves the phone, so a copy of the app's files opens
//! nothing anywhere else.
//!
//! Written with `web-sys` and `js-sys` (the PRF dictionaries are still
//! "unstable" in `web-sys`, so the options are built as plain objects). No
//! JavaScript of our own.
//!
//! WebAuthn needs a page served from a name (a domain, or `localhost`), not
//! from an IP address: there the phone says why, and the PIN alone protects
//! its records.

use connect_device::api::lock::FingerprintSecret;
use connect_device::{DeviceError, FingerprintLock, FingerprintSupport, NewFingerprint};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CredentialCreationOptions, CredentialRequestOptions, PublicKeyCredential};

/// Why an address made of numbers cannot use the fingerprint.
const NEEDS_A_NAME: &str = "The fingerprint or face unlock needs the app opened at a web address with a name (a domain), not at a number like 192.168.1.20. Ask whoever runs your team's relay.";
/// Why a phone without a platform authenticator cannot.
const NO_AUTHENTICATOR: &str = "This phone or browser has no fingerprint or face unlock the app can use.";
/// Why a platform authenticator without PRF cannot.
const NO_PRF: &str = "This phone's fingerprint or face unlock cannot keep a secret for the app (it lacks WebAuthn's PRF extension): update the browser or the phone.";

fn failed(what: &str, e: &JsValue) -> DeviceError {
    web_sys::console::error_2(&format!("fingerprint: {what}").into(), e);
    let name = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
    let words = if name == "NotAllowedError" {
        "The fingerprint or face was not given (or took too long). Try again."
    } else {
        "The phone's fingerprint or face unlock did not answer. Try again, or use this phone's settings to check it is set up."
    };
    DeviceError::refused(words)
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), DeviceError> {
    Reflect::set(target, &JsValue::from_str(key), value).map(drop).map_err(|e| failed("building the options", &e))
}

fn object(pairs: &[(&str, JsValue)]) -> Result<Object, DeviceError> {
    let out = Object::new();
    for (key, value) in pairs {
        set(&out, key, value)?;
    }
    Ok(out)
}

fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

fn random(n: usize) -> Result<Vec<u8>, DeviceError> {
    let mut out = vec![0u8; n];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or(DeviceError::Unavailable)?;
    crypto.get_random_values_with_u8_array(&mut out).map_err(|e| failed("random bytes", &e))?;
    Ok(out)
}

fn credentials() -> Result<web_sys::CredentialsContainer, DeviceError> {
    web_sys::window().map(|w| w.navigator().credentials()).ok_or(DeviceError::Unavailable)
}

/// `{prf: {eval: {first: salt}}}`, for `create` and `get`.
fn prf_extension(salt: &[u8]) -> Result<Object, DeviceError> {
    let eval = object(&[("first", bytes(salt))])?;
    let prf = object(&[("eval", eval.into())])?;
    object(&[("prf", prf.into())])
}

/// The 32 bytes in `prf.results.first` of a credential's extension results.
fn prf_output(credential: &PublicKeyCredential) -> Option<Vec<u8>> {
    let results: JsValue = credential.get_client_extension_results().into();
    let first = Reflect::get(&results, &"prf".into())
        .and_then(|p| Reflect::get(&p, &"results".into()))
        .and_then(|r| Reflect::get(&r, &"first".into()))
        .ok()?;
    if first.is_undefined() || first.is_null() {
        return None;
    }
    let out = Uint8Array::new(&first).to_vec();
    (out.len() == 32).then_some(out)
}

/// Whether the page was served from an IP address rather than a name.
fn served_from_a_number() -> bool {
    let host = web_sys::window().and_then(|w| w.location().hostname().ok()).unwrap_or_default();
    host.parse::<std::net::IpAddr>().is_ok() || host.trim_matches(['[', ']']).parse::<std::net::Ipv6Addr>().is_ok()
}

/// Whether this phone can unlock the app with its fingerprint or face.
pub(crate) async fn support() -> FingerprintSupport {
    if served_from_a_number() {
        return FingerprintSupport::Unavailable(NEEDS_A_NAME.into());
    }
    let global = js_sys::global();
    let Ok(class) = Reflect::get(&global, &"PublicKeyCredential".into()) else {
        return FingerprintSupport::Unavailable(NO_AUTHENTICATOR.into());
    };
    if class.is_undefined() {
        return FingerprintSupport::Unavailable(NO_AUTHENTICATOR.into());
    }
    let platform = JsFuture::from(PublicKeyCredential::is_user_verifying_platform_authenticator_available())
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    if !platform {
        return FingerprintSupport::Unavailable(NO_AUTHENTICATOR.into());
    }
    // Newer browsers say whether PRF works; older ones are asked at set-up.
    let capabilities = Reflect::get(&class, &"getClientCapabilities".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&class).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    if let Some(promise) = capabilities
        && let Ok(caps) = JsFuture::from(promise).await
        && Reflect::get(&caps, &"extension:prf".into()).ok().and_then(|v| v.as_bool()) == Some(false)
    {
        return FingerprintSupport::Unavailable(NO_PRF.into());
    }
    FingerprintSupport::Available
}

/// Asks the authenticator for the secret of `credential_id` with `salt`.
pub(crate) async fn secret(credential_id: &[u8], salt: &[u8]) -> Result<FingerprintSecret, DeviceError> {
    let allowed = Array::of1(&object(&[("type", "public-key".into()), ("id", bytes(credential_id))])?.into());
    let public_key = object(&[
        ("challenge", bytes(&random(32)?)),
        ("allowCredentials", allowed.into()),
        ("userVerification", "required".into()),
        ("timeout", 60_000.into()),
        ("extensions", prf_extension(salt)?.into()),
    ])?;
    let options = CredentialRequestOptions::new();
    set(&options, "publicKey", &public_key.into())?;
    let promise = credentials()?.get_with_options(&options).map_err(|e| failed("asking", &e))?;
    let credential: PublicKeyCredential = JsFuture::from(promise)
        .await
        .map_err(|e| failed("asking", &e))?
        .dyn_into()
        .map_err(|e| failed("answer", &e))?;
    prf_output(&credential).map(FingerprintSecret).ok_or_else(|| DeviceError::refused(NO_PRF))
}

/// The secret of this phone's registered fingerprint.
pub(crate) async fn secret_of(lock: &FingerprintLock) -> Result<FingerprintSecret, DeviceError> {
    secret(&lock.credential_id, &lock.prf_salt).await
}

/// Registers a new credential on this phone's platform authenticator for
/// `name`, and asks it for its secret with a new random salt.
pub(crate) async fn register(name: &str, pin_too: bool) -> Result<NewFingerprint, DeviceError> {
    let salt = random(32)?;
    let rp = object(&[("name", "Connect Companion".into())])?;
    let user = object(&[("id", bytes(&random(16)?)), ("name", name.into()), ("displayName", name.into())])?;
    let params = Array::of2(
        &object(&[("type", "public-key".into()), ("alg", (-7).into())])?.into(),
        &object(&[("type", "public-key".into()), ("alg", (-257).into())])?.into(),
    );
    let selection = object(&[
        ("authenticatorAttachment", "platform".into()),
        ("residentKey", "preferred".into()),
        ("userVerification", "required".into()),
    ])?;
    let public_key = object(&[
        ("rp", rp.into()),
        ("user", user.into()),
        ("challenge", bytes(&random(32)?)),
        ("pubKeyCredParams", params.into()),
        ("authenticatorSelection", selection.into()),
        ("timeout", 60_000.into()),
        ("extensions", prf_extension(&salt)?.into()),
    ])?;
    let options = CredentialCreationOptions::new();
    set(&options, "publicKey", &public_key.into())?;
    let promise = credentials()?.create_with_options(&options).map_err(|e| failed("registering", &e))?;
    let credential: PublicKeyCredential = JsFuture::from(promise)
        .await
        .map_err(|e| failed("registering", &e))?
        .dyn_into()
        .map_err(|e| failed("registered", &e))?;
    let credential_id = Uint8Array::new(&credential.raw_id()).to_vec();
    let enabled = {
        let results: JsValue = credential.get_client_extension_results().into();
        Reflect::get(&results, &"prf".into()).and_then(|p| Reflect::get(&p, &"enabled".into())).ok()
    };
    if enabled.and_then(|v| v.as_bool()) == Some(false) {
        return Err(DeviceError::refused(NO_PRF));
    }
    // Some authenticators answer at once; the others are asked.
    let secret = match prf_output(&credential) {
        Some(bytes) => FingerprintSecret(bytes),
        None => secret(&credential_id, &salt).await?,
    };
    Ok(NewFingerprint { credential_id, prf_salt: salt, secret, pin_too })
}
