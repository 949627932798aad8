-- Lists that scale (issue 13): the lot list and searches show the newest lots first, and the worksheet
-- reads one product's lots in testing newest first; at a million lots both were a sort of the whole table.
create index lot_created on lot (created_at desc, code desc);
create index lot_state_product_created on lot (state, product_code, created_at, code);
