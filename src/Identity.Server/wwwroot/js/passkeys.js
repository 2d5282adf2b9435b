// Passkeys on the sign-in, two-step and security pages. Each form marked data-passkey="get" or
// "create" asks its data-options URL for WebAuthn options (posting the form, so the antiforgery token
// goes along), lets the browser run the ceremony, and posts the browser's answer in CredentialJson.
// A cancelled or failed ceremony posts only the error's name, so the page can say what happened.
// Served as a file: the Content Security Policy allows no inline script.
(function () {
  "use strict";

  if (window.identityPasskeys) {
    return; // Included by more than one partial on the same page.
  }
  window.identityPasskeys = true;

  var supported = typeof window.PublicKeyCredential === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
  var autofill = null;
  var autofillOptions = null;

  async function fetchOptions(form) {
    var response = await fetch(form.dataset.options, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    if (!response.ok) {
      return null;
    }
    return response.json();
  }

  function post(form, credential, error) {
    form.elements.CredentialJson.value = credential ? JSON.stringify(credential.toJSON()) : "";
    form.elements.BrowserError.value = error || "";
    form.submit();
  }

  async function ceremony(form) {
    if (!supported) {
      post(form, null, "NotSupportedError");
      return;
    }
    if (autofill) {
      autofill.abort();
      autofill = null;
    }
    if (autofillOptions) {
      // Let the autofill's options arrive first, or its ceremony would replace the one started here.
      await autofillOptions.catch(function () { return null; });
    }
    try {
      var options = await fetchOptions(form);
      if (!options) {
        post(form, null, "OptionsRefused");
        return;
      }
      var credential = form.dataset.passkey === "create"
        ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
        : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
      post(form, credential, credential ? "" : "NotAllowedError");
    } catch (error) {
      post(form, null, (error && error.name) || "UnknownError");
    }
  }

  // Passkey autofill (conditional mediation): the browser offers passkeys in the email field's suggestions.
  async function startAutofill(form) {
    if (!supported || typeof PublicKeyCredential.isConditionalMediationAvailable !== "function"
      || !(await PublicKeyCredential.isConditionalMediationAvailable())) {
      return;
    }
    var controller = new AbortController();
    autofill = controller;
    try {
      autofillOptions = fetchOptions(form);
      var options = await autofillOptions;
      if (!options || controller.signal.aborted) {
        return;
      }
      var credential = await navigator.credentials.get({
        mediation: "conditional",
        publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
        signal: controller.signal
      });
      if (credential) {
        post(form, credential, "");
      }
    } catch (error) {
      // Aborted for the button, or the person ignored the suggestion: nothing to report.
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.passkey) {
      return;
    }
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) {
      button.disabled = true;
    }
    ceremony(form).finally(function () {
      if (button) {
        button.disabled = false;
      }
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-passkey=get][data-autofill]");
    if (form && document.querySelector("input[autocomplete~=webauthn]")) {
      startAutofill(form);
    }
  });
})();
