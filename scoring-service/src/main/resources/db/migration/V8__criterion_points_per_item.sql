-- Bonus criteria that count recognised models or their replications give points per item.
ALTER TABLE criterion DROP CONSTRAINT IF EXISTS criterion_computed_from_check;
ALTER TABLE criterion ADD CONSTRAINT criterion_computed_from_check
    CHECK (computed_from IN ('TARGET_ATTAINMENT', 'TARGET_EXCESS', 'RECOGNISED_MODELS', 'MODEL_REPLICATIONS'));
ALTER TABLE criterion ADD COLUMN points_per_item NUMERIC(7, 2);
