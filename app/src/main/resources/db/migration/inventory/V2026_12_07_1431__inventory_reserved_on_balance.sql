-- What live reservations hold of each balance, kept on the balance row itself, so that taking a hold is one
-- conditional UPDATE (on_hand - reserved >= quantity) re-checked by PostgreSQL on the locked row, instead of a
-- lock, a sum over the reservations and a write. A hold that lapsed still counts here until it is marked
-- EXPIRED: by the sweep, or by the next reservation that finds the location short.
ALTER TABLE inventory.balance ADD COLUMN reserved INT NOT NULL DEFAULT 0 CHECK (reserved >= 0);

UPDATE inventory.balance b
SET reserved = r.reserved
FROM (SELECT sku, location_id, sum(quantity) AS reserved
      FROM inventory.reservation
      WHERE state IN ('HELD', 'ALLOCATED')
      GROUP BY sku, location_id) r
WHERE b.sku = r.sku AND b.location_id = r.location_id;
