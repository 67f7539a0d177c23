// Stands in for the Teams JavaScript library on the channel tab's set-up page (/tab/config) in the browser test, as
// a Teams client would host it: the page is framed by a host page, and this script answers what config.js asks of
// Teams (initialize, the context with the channel and theme, the save handler, validity, setConfig). The channel and
// theme come from the frame's URL fragment (#channel=...&team=...&theme=...), which the page itself never reads.
// What the page told "Teams" is kept in window.__teamsHost for the test to read, and __teamsHost.save() presses
// Save as Teams would, resolving to the tab's saved settings (or the failure the page reported).
'use strict';
(function () {
  const wanted = new URLSearchParams(window.location.hash.slice(1));
  const host = { valid: false, saveHandler: null, config: null, themeHandlers: 0 };
  host.save = () => new Promise((resolve) => {
    if (!host.saveHandler) {
      resolve({ failed: 'no save handler was registered' });
      return;
    }
    host.saveHandler({ notifySuccess: () => resolve({ config: host.config }), notifyFailure: (reason) => resolve({ failed: reason }) });
  });
  window.__teamsHost = host;
  window.microsoftTeams = {
    app: {
      initialize: () => Promise.resolve(),
      getContext: () => Promise.resolve({
        app: { theme: wanted.get('theme') || 'default', locale: 'en-GB', host: { name: 'Teams', clientType: 'web' } },
        channel: wanted.get('channel') ? { id: wanted.get('channel') } : undefined,
        team: wanted.get('team') ? { groupId: wanted.get('team') } : undefined,
      }),
      registerOnThemeChangeHandler: () => { host.themeHandlers++; },
    },
    authentication: { getAuthToken: () => Promise.reject(new Error('the test host gives no SSO token: the bot runs in local mode')) },
    pages: {
      config: {
        registerOnSaveHandler: (handler) => { host.saveHandler = handler; },
        setValidityState: (valid) => { host.valid = valid; },
        setConfig: (config) => { host.config = config; return Promise.resolve(); },
      },
    },
  };
})();
