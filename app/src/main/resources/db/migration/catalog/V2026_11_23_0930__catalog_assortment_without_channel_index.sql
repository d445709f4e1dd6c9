-- Channel filters reach the assortment through the product (its primary key); an index by channel only slowed
-- every import, which writes one assortment row per product and channel.
DROP INDEX catalog.assortment_channel_idx;
