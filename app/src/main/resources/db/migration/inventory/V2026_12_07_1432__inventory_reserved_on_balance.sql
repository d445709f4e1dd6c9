-- The units reservations hold, counted on the balance row itself, so that taking a hold is one conditional
-- UPDATE (on_hand - reserved >= quantity) that PostgreSQL re-checks on the locked row, instead of a lock, a sum
-- over the reservations and a write. Only holds move it up or down; releases, lapses and sales leave it alone,
-- so it may overstate what is held (never understate), and a hold that finds the location short recounts it
-- from the live reservations under the row's lock before it is refused.
ALTER TABLE inventory.balance ADD COLUMN reserved INT NOT NULL DEFAULT 0 CHECK (reserved >= 0);

UPDATE inventory.balance b
SET reserved = r.reserved
FROM (SELECT sku, location_id, sum(quantity) AS reserved
      FROM inventory.reservation
      WHERE state IN ('HELD', 'ALLOCATED')
      GROUP BY sku, location_id) r
WHERE b.sku = r.sku AND b.location_id = r.location_id;
