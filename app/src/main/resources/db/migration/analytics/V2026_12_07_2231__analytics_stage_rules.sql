-- The journey map's rules: which event labels put a customer in which of the five stages. The brand changes them
-- through the API; without rows the defaults in JourneyStage apply.
CREATE TABLE analytics.stage_rule (
    stage text NOT NULL,
    event text NOT NULL,
    PRIMARY KEY (event)
);
