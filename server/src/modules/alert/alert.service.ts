import type { EntityManager } from '@mikro-orm/postgresql';
import { idOfType } from '../../common/global-id.js';
import { inTransaction } from '../../common/transaction.js';
import { refuse, UserErrorCode } from '../../common/user-error.js';
import { demand } from '../auth/access.js';
import type { Viewer } from '../auth/viewer.js';
import { Alert } from './alert.entity.js';

/** Each person's own alerts: listed while pending, acknowledged with OK or OK ALL. */
export class AlertService {
  pending(em: EntityManager, viewer: Viewer): Promise<Alert[]> {
    if (!viewer.userId) return Promise.resolve([]);
    return em.find(
      Alert,
      { user: viewer.userId, acknowledgedAt: null },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 },
    );
  }

  /** OK: one alert of the viewer's. Acknowledging it again changes nothing. */
  acknowledge(em: EntityManager, viewer: Viewer, alertId: string) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'acknowledgeAlerts');
      const id = idOfType(alertId, 'Alert');
      const alert = id ? await tx.findOne(Alert, { id, user: viewer.userId }) : null;
      if (!alert) refuse(UserErrorCode.NOT_FOUND, 'No such alert.', ['id']);
      alert.acknowledgedAt ??= new Date();
      await tx.flush();
      return [alert];
    });
  }

  /** OK ALL: every pending alert of the viewer's. */
  acknowledgeAll(em: EntityManager, viewer: Viewer) {
    return inTransaction(em, async (tx) => {
      demand(viewer, 'acknowledgeAlerts');
      const alerts = await tx.find(Alert, { user: viewer.userId, acknowledgedAt: null });
      const now = new Date();
      for (const alert of alerts) alert.acknowledgedAt = now;
      await tx.flush();
      return alerts;
    });
  }
}
