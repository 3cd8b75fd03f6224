/**
 * The app's flow as a statechart: which screen shows, the class settings chosen before a run,
 * the open run (with the running Game as the child actor `game`), and the questions asked before
 * a run is replaced or rewound. The HTML app renders the snapshot and sends events; the address
 * bar follows `context.route` (see url-sync.ts). No DOM here: the flow is tested in Node.
 */
import { and, assign, sendTo, setup } from 'xstate';
import type { AtStake, FlowContext, FlowDeps, FlowEvent, RunState } from './flow-types';
import { gameActor } from './game-actor';
import { isRunRoute, type Route, type RouteScreen } from './routes';
import {
  caseOf,
  ended,
  missingCaseNotice,
  newRunState,
  RUN_SCREEN,
  runAtStake,
  runScreenFor,
  savedRunState,
  storedRun,
  unreadResult,
} from './run-record';

export type { AtStake, Confirm, FlowContext, FlowDeps, FlowEvent, RunState } from './flow-types';
export { unreadResult } from './run-record';

const routeIs = (screen: RouteScreen) => ({ type: 'routeIs' as const, params: { screen } });
const go = (screen: RouteScreen, history: 'push' | 'replace') => ({ type: 'go' as const, params: { screen, history } });

export const appMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as { deps: FlowDeps },
  },
  actors: { game: gameActor },
  guards: {
    routeIs: ({ context }, p: { screen: RouteScreen }) => context.route.screen === p.screen,
    isRunRoute: ({ context }) => isRunRoute(context.route),
    eventRunRoute: ({ event }) => (event.type === 'NAVIGATE' || event.type === 'ROUTE') && isRunRoute(event.route),
    unknownCase: ({ context }) => {
      const id = caseOf(context.route);
      return id !== undefined && !context.deps.scenario(id);
    },
    unknownRole: ({ context }) => {
      const r = context.route;
      return r.screen === 'briefing' && !context.deps.scenario(r.scenario)?.roles.some((x) => x.id === r.role);
    },
    noSavedRun: ({ context }) => context.deps.readSave().kind !== 'ok',
    savedCaseMissing: ({ context }) => missingCaseNotice(context.deps) !== null,
    runAtStake: ({ context }) => runAtStake(context.deps) !== null,
    wants: ({ context }, p: { screen: RouteScreen }) => runScreenFor(context) === p.screen,
    ended: ({ context }) => ended(context.run),
    /** The run is over and nothing is left to read: its ending shows. */
    over: ({ context }) => !!context.run && ended(context.run) && !unreadResult(context.run),
  },
  actions: {
    bump: assign({ run: ({ context }) => context.run && { ...context.run, tick: context.run.tick + 1 } }),
    takeRoute: assign(({ event }) =>
      event.type === 'NAVIGATE' || event.type === 'ROUTE'
        ? {
            route: event.route,
            history:
              event.type === 'ROUTE' ? ('pop' as const) : event.replace ? ('replace' as const) : ('push' as const),
          }
        : event.type === 'START'
          ? { route: event.route, history: 'replace' as const }
          : {},
    ),
    /** Shows `screen` (keeping the case): a correction of a route the browser already shows replaces it. */
    go: assign(({ context }, p: { screen: RouteScreen; history: 'push' | 'replace' }) => {
      if (context.route.screen === p.screen) return {};
      const id = caseOf(context.route);
      const route = (
        id !== undefined && p.screen === 'seats' ? { screen: p.screen, scenario: id } : { screen: p.screen }
      ) as Route;
      return { route, history: p.history === 'push' && context.history !== 'pop' ? 'push' : 'replace' } as const;
    }),
    persist: ({ context }) => {
      const run = context.run;
      const screen = RUN_SCREEN[context.route.screen] ?? (run && ended(run) ? 'ending' : 'play');
      const stored = run && storedRun(run, screen);
      if (stored) context.deps.writeSave(stored);
    },
    newRun: assign(({ context }) => {
      const run = newRunState(context);
      return run
        ? { run, route: { screen: 'play' } as Route, history: 'push' as const, begin: null, notice: null }
        : {};
    }),
    restoreRun: assign(({ context }) => {
      const run = savedRunState(context.deps);
      return run ? { run } : {};
    }),
  },
}).createMachine({
  id: 'app',
  context: ({ input }) => ({
    deps: input.deps,
    route: { screen: 'title' },
    history: 'replace',
    notice: null,
    classMode: false,
    lengths: new Map(),
    classForecast: null,
    run: null,
    begin: null,
    confirm: null,
    error: null,
    scenarioErrors: null,
  }),
  initial: 'booting',
  on: {
    NAVIGATE: { target: '.routing', actions: 'takeRoute' },
    ROUTE: { target: '.routing', actions: 'takeRoute' },
    FAIL: { target: '.error', actions: assign({ error: ({ event }) => event.message }) },
    FILE_FAILED: {
      target: '.scenarioErrors',
      actions: assign({
        scenarioErrors: ({ event }) => ({ file: event.file, errors: event.errors, source: event.source }),
      }),
    },
    NOTICE: { actions: assign({ notice: ({ event }) => event.text }) },
    CLASS_MODE: { actions: assign({ classMode: ({ event }) => event.on }) },
    CLASS_FORECAST: { actions: assign({ classForecast: ({ event }) => event.mode }) },
    LENGTH: {
      actions: assign({ lengths: ({ context, event }) => new Map(context.lengths).set(event.scenario, event.length) }),
    },
  },
  states: {
    booting: { on: { START: { target: 'routing', actions: 'takeRoute' } } },
    routing: {
      always: [
        {
          guard: 'unknownCase',
          target: 'title',
          actions: [
            assign(({ context }) => ({
              notice: `There is no case "${caseOf(context.route)}" in this copy of the game.`,
            })),
            go('title', 'replace'),
          ],
        },
        { guard: 'unknownRole', target: 'seats', actions: go('seats', 'replace') },
        {
          guard: and(['isRunRoute', 'savedCaseMissing']),
          target: 'title',
          actions: [assign(({ context }) => ({ notice: missingCaseNotice(context.deps) })), go('title', 'replace')],
        },
        {
          guard: and(['isRunRoute', 'noSavedRun']),
          target: 'title',
          actions: [
            assign({ notice: 'There is no game in progress in this browser to go back to.' }),
            go('title', 'replace'),
          ],
        },
        { guard: 'isRunRoute', target: 'run', actions: 'restoreRun' },
        { guard: routeIs('cases'), target: 'cases' },
        { guard: routeIs('credits'), target: 'credits' },
        { guard: routeIs('settings'), target: 'settings' },
        { guard: routeIs('timeline'), target: 'timeline' },
        { guard: routeIs('seats'), target: 'seats' },
        { guard: routeIs('briefing'), target: 'briefing' },
        { guard: routeIs('guide'), target: 'guide' },
        { guard: routeIs('teams'), target: 'teams' },
        { guard: routeIs('role-sheets'), target: 'roleSheets' },
        { guard: routeIs('glossary'), target: 'glossary' },
        { target: 'title', actions: go('title', 'replace') },
      ],
    },
    title: {},
    cases: {},
    credits: {},
    settings: {},
    timeline: {},
    seats: {},
    guide: {},
    // Teams play in class mode: leaving the set-up (by any way) with teams set up turns it on.
    teams: {
      exit: assign({
        classMode: ({ context }) => {
          const id = caseOf(context.route) ?? '';
          return context.classMode || context.deps.teams(id).length > 0;
        },
      }),
    },
    roleSheets: {},
    glossary: {},
    scenarioErrors: {},
    error: { exit: assign({ error: null }) },
    briefing: {
      initial: 'reading',
      states: {
        reading: {
          on: {
            BEGIN: [
              {
                guard: 'runAtStake',
                target: 'confirming',
                actions: assign(({ context, event }) => ({
                  begin: { scenario: event.scenario, role: event.role },
                  confirm: { kind: 'replace-run' as const, saved: runAtStake(context.deps) as AtStake },
                  classForecast: context.classForecast ?? event.forecast,
                })),
              },
              {
                target: '#app.run',
                actions: [
                  assign(({ context, event }) => ({
                    begin: { scenario: event.scenario, role: event.role },
                    classForecast: context.classForecast ?? event.forecast,
                  })),
                  'newRun',
                ],
              },
            ],
          },
        },
        confirming: {
          on: {
            CONFIRM: { target: '#app.run', actions: 'newRun' },
            CANCEL: 'reading',
          },
          exit: assign({ confirm: null }),
        },
      },
    },
    run: {
      invoke: {
        id: 'game',
        src: 'game',
        input: ({ context }) => {
          const run = context.run as RunState;
          return { scenario: run.scenario, start: run.start };
        },
      },
      exit: assign({ run: null }),
      initial: 'loading',
      on: {
        NAVIGATE: [
          { guard: 'eventRunRoute', target: '.resolving', actions: 'takeRoute' },
          { target: 'routing', actions: 'takeRoute' },
        ],
        ROUTE: [
          { guard: 'eventRunRoute', target: '.resolving', actions: 'takeRoute' },
          { target: 'routing', actions: 'takeRoute' },
        ],
        'GAME.FAILED': {
          target: 'title',
          actions: [
            ({ context }) => context.deps.clearSave(),
            assign({ notice: ({ event }) => event.message }),
            go('title', 'replace'),
          ],
        },
        'GAME.ERROR': { target: 'error', actions: assign({ error: ({ event }) => event.message }) },
        'GAME.CHANGED': { actions: ['bump', 'persist'] },
        MOVE: {
          actions: [
            assign({
              run: ({ context, event }) => {
                const run = context.run;
                const record = event.councilTeams;
                if (!run || !record) return run;
                return { ...run, councilTeams: [...run.councilTeams.filter((c) => c.turn !== record.turn), record] };
              },
            }),
            sendTo('game', ({ event }) => ({ type: 'MOVE' as const, move: event.move })),
          ],
        },
        RESULTS_SAVED: {
          actions: [
            assign({ run: ({ context }) => (context.run ? { ...context.run, resultsSaved: true } : null) }),
            'persist',
          ],
        },
        EXIT: { target: 'routing', actions: assign({ route: { screen: 'title' }, history: 'push' }) },
      },
      states: {
        loading: {
          on: {
            'GAME.READY': {
              target: 'resolving',
              actions: [
                assign({
                  run: ({ context, event }) =>
                    context.run && {
                      ...context.run,
                      game: event.game,
                      // A replay starts at the decision chosen, with nothing to read yet.
                      ...(event.replayedFrom !== undefined ? { seen: event.game.view().turn } : {}),
                    },
                }),
                'persist',
              ],
            },
          },
        },
        resolving: {
          always: [
            { guard: { type: 'wants', params: { screen: 'run-settings' } }, target: 'settings' },
            { guard: { type: 'wants', params: { screen: 'run-glossary' } }, target: 'glossary' },
            {
              guard: { type: 'wants', params: { screen: 'debrief' } },
              target: 'debrief',
              actions: go('debrief', 'replace'),
            },
            {
              guard: { type: 'wants', params: { screen: 'ending' } },
              target: 'ending',
              actions: go('ending', 'replace'),
            },
            { target: 'play', actions: go('play', 'replace') },
          ],
        },
        play: {
          on: {
            'GAME.CHANGED': [
              { guard: 'over', target: 'ending', actions: ['bump', go('ending', 'replace'), 'persist'] },
              { actions: ['bump', 'persist'] },
            ],
            READ_RESULT: [
              {
                guard: 'ended',
                target: 'ending',
                actions: [
                  assign({
                    run: ({ context }) =>
                      context.run ? { ...context.run, seen: context.run.game?.view().turn ?? 0 } : null,
                  }),
                  go('ending', 'replace'),
                  'persist',
                ],
              },
              {
                actions: [
                  assign({
                    run: ({ context }) =>
                      context.run ? { ...context.run, seen: context.run.game?.view().turn ?? 0 } : null,
                  }),
                  'persist',
                ],
              },
            ],
          },
        },
        ending: { entry: 'persist' },
        debrief: {
          entry: 'persist',
          initial: 'reading',
          states: {
            reading: {
              entry: assign({ confirm: null }),
              on: {
                REPLAY: {
                  target: 'confirming',
                  actions: assign({ confirm: ({ event }) => ({ kind: 'replay' as const, turn: event.turn }) }),
                },
              },
            },
            confirming: {
              on: {
                CANCEL: 'reading',
                CONFIRM: {
                  target: '#app.run.loading',
                  actions: [
                    sendTo('game', ({ context }) => ({
                      type: 'REPLAY' as const,
                      turn: context.confirm?.kind === 'replay' ? context.confirm.turn : 0,
                    })),
                    assign(({ context }) => {
                      const turn = context.confirm?.kind === 'replay' ? context.confirm.turn : 0;
                      const run = context.run;
                      return {
                        route: { screen: 'play' } as Route,
                        history: 'push' as const,
                        notice: null,
                        confirm: null,
                        run: run && {
                          ...run,
                          game: null,
                          resultsSaved: false,
                          // The team votes of the decisions replayed away go with them.
                          councilTeams: run.councilTeams.filter((c) => c.turn < turn),
                        },
                      };
                    }),
                  ],
                },
              },
            },
          },
        },
        settings: {},
        glossary: {},
      },
    },
  },
});
