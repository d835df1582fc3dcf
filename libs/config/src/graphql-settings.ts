import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/**
 * `[graphql]`: the limits every GraphQL operation is checked against before it runs, and whether
 * the in-browser IDE is served.
 */
export class GraphqlSettings {
  /** Nesting of fields in one operation (fragments followed); deeper operations are refused. */
  @IsInt()
  @Min(2)
  @Max(64)
  max_depth = 10;

  /**
   * An operation's cost: one per field, a list's fields counted `first` times (its page size);
   * costlier operations are refused before they run.
   */
  @IsInt()
  @Min(100)
  @Max(10_000_000)
  max_cost = 50_000;

  /** Serve GraphiQL at GET /graphql: for development only; otherwise GET /graphql is no UI. */
  @IsBoolean()
  graphiql = false;
}
