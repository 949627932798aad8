-- The worklist reads the visits of a clinic's plans due up to a day (issue 13). With the plan, the day, the
-- kind and the number in one index each plan's visits are an index-only look-up; at a million lots the
-- planner otherwise read all 1.9 million visits to join them to one clinic's 7,500 plans.
create index if not exists plan_visit_plan_due on plan_visit (plan_id, due_on) include (kind, number);
