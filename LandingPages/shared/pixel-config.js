// Pixel configuration for static deployment. `adops mock` serves a generated copy of this file instead.
//
// mode "offline": every pixel slot posts its events to `collector` (the AdOps Lab emulator), nothing else.
// mode "live": each platform with an id below loads that platform's real base code, e.g.
//   window.ADOPS_PIXELS = {"mode":"live","collector":"/_mock/pixel/events",
//     "ids":{"meta":"123456789012345","tiktok":"C0DEMO0000000000","snapchat":"00000000-0000-0000-0000-000000000000","google":"G-DEMO000000"}};
// A platform without an id stays offline in live mode.
window.ADOPS_PIXELS = {"mode":"offline","collector":"/_mock/pixel/events","ids":{}};
