import baseConfig from '../../tools/eslint/eslint.base.config.mjs';

export default [
  ...baseConfig,
  {
    // Writers publish domain events (common/domain-events) and never import a reactor: the outbox,
    // the socket gateway and the `*.reactor.ts` files are reached only through the event bus, so a
    // new reactor (notifications, directives) changes no writer. docs/architecture.md, "Adding a reactor".
    files: ['src/modules/**/*.ts'],
    // A module file wires its reactors in; it is not a writer.
    ignores: [
      'src/modules/**/*.reactor.ts',
      'src/modules/**/*.module.ts',
      'src/modules/realtime/**',
      'src/modules/health/**',
      '**/*.spec.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/realtime/outbox.service', '**/realtime/realtime.gateway', '**/*.reactor'],
              message:
                'A writer imports no reactor: publish a domain event with DomainEventBus (common/domain-events) and let a *.reactor.ts subscribe.',
            },
          ],
        },
      ],
    },
  },
];
