// The configurable tab's set-up page: asks the host which board the channel (or group chat) the tab is being added
// to is linked to and, when there is one, lets Teams save the tab fixed to that board's page. Nothing to choose, so
// the save button is enabled only once the board is known. Text goes in with textContent only, never as HTML.
"use strict";
(function () {
  const signIn = document.body.dataset.signIn;
  const status = document.getElementById("status");
  const roleWords = { chair: "Chair", "vice-chair": "Vice-chair", secretariat: "Secretariat", member: "Member" };

  function say(text) {
    status.textContent = text;
  }

  function applyTheme(theme) {
    document.documentElement.dataset.theme = theme === "dark" || theme === "contrast" ? theme : "default";
  }

  function withTimeout(promise, milliseconds) {
    return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), milliseconds))]);
  }

  // Inside Teams the channel comes from the tab's context; outside it (local mode in a browser) from ?channel=.
  async function place() {
    if (typeof microsoftTeams === "undefined" || (window.parent === window && !window.opener)) {
      const query = new URLSearchParams(window.location.search);
      return { inTeams: false, channel: query.get("channel"), team: query.get("team") };
    }
    await withTimeout(microsoftTeams.app.initialize(), 5000);
    const context = await microsoftTeams.app.getContext();
    applyTheme(context.app.theme);
    microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
    const channel = (context.channel && context.channel.id) || (context.chat && context.chat.id) || null;
    const team = (context.team && (context.team.groupId || context.team.internalId)) || null;
    return { inTeams: true, channel: channel, team: team };
  }

  async function channelBoard(where) {
    const headers = { Accept: "application/json" };
    if (signIn === "sso") {
      headers.Authorization = "Bearer " + (await microsoftTeams.authentication.getAuthToken());
    }
    const query = new URLSearchParams({ channel: where.channel });
    if (where.team) {
      query.set("team", where.team);
    }
    return fetch("/tab/api/channel-board?" + query.toString(), { headers: headers, credentials: "omit", cache: "no-store" });
  }

  function allowSave(board) {
    const page = window.location.origin + "/tab?board=" + encodeURIComponent(board);
    microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
      microsoftTeams.pages.config
        .setConfig({ entityId: "board", contentUrl: page, websiteUrl: page, suggestedDisplayName: "Board" })
        .then(() => saveEvent.notifySuccess())
        .catch(() => saveEvent.notifyFailure("PartnershipBot could not save the tab. Try again."));
    });
    microsoftTeams.pages.config.setValidityState(true);
  }

  async function load() {
    let where;
    try {
      where = await place();
    } catch {
      say("Add this tab from a channel or group chat in Microsoft Teams.");
      return;
    }
    if (signIn === "sso" && !where.inTeams) {
      say("Add this tab from a channel or group chat in Microsoft Teams: it signs you in with your work account.");
      return;
    }
    if (!where.channel) {
      say("Teams did not say which channel this is. Add the tab from a channel or group chat.");
      return;
    }

    let response;
    try {
      response = await channelBoard(where);
    } catch {
      say("PartnershipBot could not sign you in or be reached. Close this and try again.");
      return;
    }
    if (response.status === 404) {
      say((await response.json()).error);
      return;
    }
    if (response.status === 401 || response.status === 403) {
      // 403 also answers someone with no role on any board of their organisation, linked channel or not.
      say("This channel's board is not open to you: you hold no role on it, or on any board of your organisation. Its secretariat can add you in the channel.");
      return;
    }
    if (!response.ok) {
      say("PartnershipBot could not find this channel's board just now (" + response.status + "). Close this and try again.");
      return;
    }
    const board = await response.json();
    document.getElementById("board-name").textContent = board.board;
    document.getElementById("board-roles").textContent = board.roles.map((r) => roleWords[r] || r).join(", ") || "None";
    document.getElementById("chosen").hidden = false;
    if (where.inTeams) {
      allowSave(board.board);
      say("This channel is linked to the " + board.board + ". Select Save to add its tab.");
    } else {
      say("This channel is linked to the " + board.board + ". In Teams, Save would add its tab.");
    }
  }

  load();
})();
