/** An event as `decide` emits it; the store adds id, metadata, revision and position. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
