// Loaded with `--import` before src/index.ts by test/hardening/processen.test.ts: a message with one of the texts
// below makes the turn throw where nobody catches it, or reject a promise nobody awaits, as a bug in a handler
// or a library would. Nothing in src knows of it.
import { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';

const run = Application.prototype.run;
Application.prototype.run = async function (this: Application, context: TurnContext) {
  const text = context.activity.text;
  if (text === 'kasta ett undantag')
    setImmediate(() => {
      throw new Error('provkrasch: ett undantag som ingen fångar');
    });
  if (text === 'glöm ett löfte') void Promise.reject(new Error('provkrasch: ett löfte som ingen väntar på'));
  return run.call(this, context);
};
