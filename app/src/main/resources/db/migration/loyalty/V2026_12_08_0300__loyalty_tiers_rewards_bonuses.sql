-- Tiers: members qualify on the points they earned, or on what they spent, over a rolling window.
ALTER TABLE loyalty.programme
    ADD COLUMN tier_basis text NOT NULL DEFAULT 'POINTS' CHECK (tier_basis IN ('POINTS', 'SPEND')),
    ADD COLUMN tier_window_days integer NOT NULL DEFAULT 365 CHECK (tier_window_days > 0),
    -- the currency whose spend counts when tiers qualify on spend
    ADD COLUMN tier_currency char(3);

-- A tier, from the lowest rank up: what qualifies for it (points, or minor units of spend in the tier currency), its earning multiplier in percent, and the points of its birthday gift.
CREATE TABLE loyalty.tier (
    id              uuid PRIMARY KEY,
    rank            integer NOT NULL UNIQUE CHECK (rank >= 0),
    name            text NOT NULL,
    threshold       bigint NOT NULL CHECK (threshold >= 0),
    earn_percent    integer NOT NULL DEFAULT 100 CHECK (earn_percent >= 0 AND earn_percent <= 1000),
    birthday_points bigint NOT NULL DEFAULT 0 CHECK (birthday_points >= 0)
);

-- A member's tier, since when, and when it is next reviewed (a downgrade waits for that moment); her birthday
-- (month and day) as identify calls stated it, for her birthday gift.
ALTER TABLE loyalty.account
    ADD COLUMN tier_id uuid,
    ADD COLUMN tier_since timestamptz,
    ADD COLUMN tier_review_at timestamptz,
    ADD COLUMN birthday char(5);
CREATE INDEX account_tier_review ON loyalty.account (tier_review_at) WHERE tier_review_at IS NOT NULL;
CREATE INDEX account_birthday ON loyalty.account (birthday) WHERE birthday IS NOT NULL;

-- What the money that earned points was, for tiers that qualify on spend (negative when taken back).
ALTER TABLE loyalty.movement ADD COLUMN spend_minor bigint, ADD COLUMN spend_currency char(3);
CREATE INDEX movement_qualifying ON loyalty.movement (account_id, occurred_at) WHERE kind IN ('EARNED', 'EARN_REVERSED');

-- Rewards: points exchanged for a coupon from one of pricing's batches of unique codes.
CREATE TABLE loyalty.reward (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    points          bigint NOT NULL CHECK (points > 0),
    coupon_batch_id uuid NOT NULL,
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL
);

-- A claimed reward: the points it took and the code she got.
CREATE TABLE loyalty.reward_claim (
    movement_id uuid PRIMARY KEY REFERENCES loyalty.movement (id),
    reward_id   uuid NOT NULL REFERENCES loyalty.reward (id),
    coupon_code text NOT NULL
);
CREATE INDEX reward_claim_reward ON loyalty.reward_claim (reward_id);

-- Bonuses: points for a moment rather than a purchase, each at most once per member (birthday: once a year).
CREATE TABLE loyalty.bonus_rule (
    kind   text PRIMARY KEY CHECK (kind IN ('SIGN_UP', 'FIRST_APP_PURCHASE', 'BIRTHDAY', 'CONSENT_GIVEN', 'REVIEW')),
    points bigint NOT NULL CHECK (points > 0)
);

-- Time-boxed promotions: purchases between the two moments earn this percent of their points (200: double),
-- on one channel or on all.
CREATE TABLE loyalty.earn_promotion (
    id        uuid PRIMARY KEY,
    name      text NOT NULL,
    channel   text,
    percent   integer NOT NULL CHECK (percent > 0 AND percent <= 1000),
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
