// Loaded by mocha before any test file: every card any test binds is also bound by adaptivecards-templating
// and must come out the same (src/cards/binda.ts).
process.env.BUDGETKOLLEN_KORTKONTROLL = '1';
