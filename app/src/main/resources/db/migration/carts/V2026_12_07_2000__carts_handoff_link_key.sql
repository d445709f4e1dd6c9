-- The key that signs the shopper's handoff page links, made at random on first use, so that a link handed out
-- keeps working after a restart and on every node.
CREATE TABLE carts.signing_key
(
    id     INT PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL
);
