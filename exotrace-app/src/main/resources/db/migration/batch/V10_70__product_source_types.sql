-- Which donor source types a product's lots are made from (comma-separated donor SourceType names):
-- a plan offers only products whose source fits, and a primary lot must come from a donor of one of them.
alter table product add column source_types varchar(200) not null default '';
update product set source_types = 'UMBILICAL_CORD_MSC,BONE_MARROW_MSC,ADIPOSE_MSC' where code like 'HMSC-%';
update product set source_types = 'PLANT' where code = 'PLANT-EXO-GEL';
