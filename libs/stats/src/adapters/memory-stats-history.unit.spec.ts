import { statsHistoryContract } from '../contract/stats-history.contract';
import { MemoryStatsHistory } from './memory-stats-history';

statsHistoryContract('memory', async (now) => {
  const history = new MemoryStatsHistory({ now });
  return { history, cleanup: () => history.close() };
});
