-- The productdefinition context's own schema. Its tables arrive with the refinement workflow; nothing outside
-- the context reads them.
COMMENT ON SCHEMA productdefinition IS 'Owned by the productdefinition bounded context';
