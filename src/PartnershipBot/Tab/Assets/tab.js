// The secretariat tab: signs in through Teams SSO (or, in local mode, not at all: the host signs in the development
// person), fetches /tab/api/boards and shows it as a table. Text goes in with textContent only, never as HTML.
"use strict";
(function () {
  const signIn = document.body.dataset.signIn;
  const status = document.getElementById("status");
  const table = document.getElementById("boards");

  // Teams themes are "default" (light), "dark" and "contrast"; the style sheet keys its colours on data-theme.
  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme === "dark" || theme === "contrast" ? theme : "default";
  }

  function withTimeout(promise, milliseconds) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), milliseconds))]);
  }

  // Outside a frame (a browser tab in local mode) there is no Teams host to answer, so don't wait for one.
  async function initialiseTeams() {
    if (typeof microsoftTeams === "undefined" || (window.parent === window && !window.opener)) {
      return false;
    }
    await withTimeout(microsoftTeams.app.initialize(), 5000);
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    return true;
  }

  function say(text) {
    status.textContent = text;
    status.hidden = false;
  }

  function show(boards) {
    const body = table.tBodies[0];
    body.replaceChildren();
    for (const board of boards) {
      const row = body.insertRow();
      const name = document.createElement("th");
      name.scope = "row";
      name.textContent = board.name;
      row.appendChild(name);
      row.insertCell().textContent = board.roles.length > 0 ? board.roles.join(", ") : "No role";
    }
    table.hidden = boards.length === 0;
    if (boards.length === 0) {
      say("You hold no role on any board. The board's secretariat can add you in its Teams channel.");
    } else {
      say(boards.length === 1 ? "1 board." : boards.length + " boards.");
    }
  }

  async function load() {
    let inTeams = false;
    try {
      inTeams = await initialiseTeams();
    } catch {
      inTeams = false;
    }

    const headers = { Accept: "application/json" };
    if (signIn === "sso") {
      if (!inTeams) {
        say("Open this page from the PartnershipBot tab in Microsoft Teams: it signs you in with your work account.");
        return;
      }
      try {
        headers.Authorization = "Bearer " + (await microsoftTeams.authentication.getAuthToken());
      } catch {
        say("Teams could not sign you in to PartnershipBot. Ask your administrator to grant it access, then reopen the tab.");
        return;
      }
    }

    let response;
    try {
      response = await fetch("/tab/api/boards", { headers: headers, credentials: "omit", cache: "no-store" });
    } catch {
      say("PartnershipBot could not be reached. Reopen the tab to try again.");
      return;
    }
    if (response.status === 401) {
      say("PartnershipBot did not accept your sign-in. Reopen the tab to try again.");
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not list your boards just now (" + response.status + "). Reopen the tab to try again.");
      return;
    }
    show(await response.json());
  }

  load();
})();
