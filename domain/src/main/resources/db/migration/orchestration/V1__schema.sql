-- The orchestration context's own schema. Its tables arrive with the refinement workflow; nothing outside
-- the context reads them.
COMMENT ON SCHEMA orchestration IS 'Owned by the orchestration bounded context';
