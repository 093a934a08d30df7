// The "web" jest project: every simulator made without an explicit client runs office.js's Excel-on-the-web build.
process.env.EXCEL_CLIENT_BUILD = "web";
