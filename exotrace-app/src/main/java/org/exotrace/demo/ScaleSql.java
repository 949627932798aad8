package org.exotrace.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL of the scale generator. Every row is a function of its index and the seed, so the steps
 * need no lookups to find each other's rows: lot {@code i}'s id, date, kind, product and state are
 * expressions of {@code i}, its units are {@code 10(i-1)+1 .. 10i}, and so on.
 *
 * <ul>
 *   <li>Ids: {@code RRRRRRRR-TTTT-7000-8000-IIIIIIIIIIII}, R the run ({@code 5ca1e} and three hex
 *       digits), T the table, I the index in hex. Version 7 never collides with the version-4 ids
 *       the application draws, and the ids of a run grow with the index, so each insert appends to
 *       the primary key's index.</li>
 *   <li>Randomness: {@code hashint8extended(index, seed * 1000 + stream)} scaled to [0, 1); one
 *       stream per decision, the same answer in every step that asks.</li>
 *   <li>Time: lot {@code i} is made on day {@code (i-1)·span/n} of a span ending today; batch
 *       {@code b} holds lots {@code ceil(i·B/n) = b} and starts two days before its first lot;
 *       donor {@code d} gives batches {@code floor((b-1)·D/B) = d-1} and was collected ten days
 *       before the first (D ≤ B, so each donor's first batch is its own).</li>
 * </ul>
 */
final class ScaleSql {

    /** Days from the oldest lot to today. */
    static final int SPAN_DAYS = 3 * 365;
    /** Units per lot. */
    static final int UNITS_PER_LOT = 10;
    /** The actor named on every seeded row, so that seeded data is told apart from users' data. */
    static final String ACTOR = "scale-seed";

    private final Map<String, String> values = new LinkedHashMap<>();

    ScaleSql(int run, long lots, long donors, long batches, int clinics, int patientsPerClinic, long seed, LocalDate today,
             String facility) {
        values.put("{run}", String.format("5ca1e%03x", run));
        values.put("{n}", Long.toString(lots));
        values.put("{d}", Long.toString(donors));
        values.put("{b}", Long.toString(batches));
        values.put("{c}", Integer.toString(clinics));
        values.put("{ppc}", Integer.toString(patientsPerClinic));
        values.put("{seed}", Long.toString(seed));
        values.put("{span}", Integer.toString(SPAN_DAYS));
        values.put("{today}", "date '" + today + "'");
        values.put("{start}", "date '" + today.minusDays(SPAN_DAYS) + "'");
        values.put("{facility}", facility);
        values.put("{actor}", ACTOR);
        values.put("{runno}", Integer.toString(run));
    }

    /** The statement with this run's numbers in place of its placeholders. */
    String fill(String template) {
        String sql = template;
        for (Map.Entry<String, String> e : values.entrySet()) sql = sql.replace(e.getKey(), e.getValue());
        return sql;
    }

    /** The statement for the lots {@code lo} to {@code hi}. */
    String fill(String template, long lo, long hi) {
        return fill(template.replace("{lo}", Long.toString(lo)).replace("{hi}", Long.toString(hi)));
    }

    /** Table tags of the ids. */
    static final Map<String, String> TAGS = Map.ofEntries(Map.entry("donor", "0d01"), Map.entry("screening", "0d02"),
            Map.entry("consent", "0d03"), Map.entry("batch", "0b01"), Map.entry("lot", "0101"), Map.entry("unit", "0102"),
            Map.entry("signature", "0501"), Map.entry("decision", "0502"), Map.entry("clinic", "0c01"), Map.entry("shipment", "0c02"),
            Map.entry("patient", "0c03"), Map.entry("plan", "0c04"), Map.entry("session", "0c05"), Map.entry("pconsent", "0c06"),
            Map.entry("visit", "0c07"));

    /** The id of row {@code indexExpression} of a table. */
    static String id(String table, String indexExpression) {
        return "('{run}-" + TAGS.get(table) + "-7000-8000-' || lpad(to_hex((" + indexExpression + ")::bigint), 12, '0'))::uuid";
    }

    /** The index back from an id made by {@link #id}. */
    static String index(String idExpression) {
        return "(('x' || right((" + idExpression + ")::text, 12))::bit(48)::bigint)";
    }

    /** A uniform number in [0, 1) for this index and stream. */
    static String random(int stream, String indexExpression) {
        return "(((hashint8extended((" + indexExpression + ")::bigint, {seed} * 1000 + " + stream
                + ") & 9223372036854775807) % 1000003)::float8 / 1000003)";
    }

    /** A code's number as the application prints it: at least {@code width} digits, never cut. */
    static String padded(String number, int width) {
        return "(case when (" + number + ") < 1" + "0".repeat(width) + " then lpad((" + number + ")::text, " + width + ", '0') else ("
                + number + ")::text end)";
    }

    /**
     * The template with each {@code %s} replaced by the next part and {@code %%} by {@code %}: the
     * one rule of a format string these statements need, without its others.
     */
    static String with(String template, String... parts) {
        StringBuilder out = new StringBuilder(template.length() + 200 * parts.length);
        int next = 0;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            char following = i + 1 < template.length() ? template.charAt(i + 1) : ' ';
            if (c == '%' && following == 's') {
                out.append(parts[next++]);
                i++;
            } else if (c == '%' && following == '%') {
                out.append('%');
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != parts.length) throw new IllegalArgumentException(parts.length + " parts for " + next + " places");
        return out.toString();
    }

    private static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        EXPRESSIONS.put("%LOTDATE%", "({start} + ((%I% - 1) * {span} / {n})::int)");
        EXPRESSIONS.put("%BATCHOF%", "((%I% * {b} + {n} - 1) / {n})");
        EXPRESSIONS.put("%BATCHDATE%", "({start} + ((((%B% - 1) * {n}) / {b}) * {span} / {n})::int - 2)");
        EXPRESSIONS.put("%DONOROF%", "(((%B% - 1) * {d}) / {b} + 1)");
        EXPRESSIONS.put("%COLLECTED%", "({start} + (((((%D% - 1) * {b} + {d} - 1) / {d}) * {n} / {b}) * {span} / {n})::int - 12)");
        EXPRESSIONS.put("%MEMBER%", "(case %C% when 1 then 'clinician' when 2 then 'clinician2' else 'scale-clinician-' || lpad(%C%::text, 2, '0') end)");
    }

    /** Fills {@code %X%} with the expression named, its variable replaced by {@code variable}. */
    static String expression(String name, String variable) {
        String template = EXPRESSIONS.get("%" + name + "%");
        return template.replace("%I%", variable).replace("%B%", variable).replace("%D%", variable).replace("%C%", variable);
    }

    // --- donors ------------------------------------------------------------------------------------

    static final String DONORS = with("""
            insert into donor (id, code, source_type, source_detail, notes, collected_on, collection_jurisdiction, created_by, created_at)
            select %s, x.body || substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*', ((38 - x.p) %% 37) + 1, 1),
                   x.source, 'Synthetic donor for a scale benchmark', null, x.collected, x.jurisdiction, '{actor}', x.collected::timestamptz
            from (
              select y.*, (select sum((strpos('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', substr(y.body, k, 1)) - 1) * ((2 ^ (14 - k))::bigint %% 37)) %% 37
                           from generate_series(1, 13) k)::int as p
              from (
                select s.*, '{facility}' || lpad((extract(year from s.collected)::int %% 100)::text, 2, '0')
                         || lpad((row_number() over (partition by extract(year from s.collected) order by s.d)
                                  + coalesce((select q.last from donor_code_sequence q where q.year = extract(year from s.collected)), 0))::text, 6, '0') as body
                from (
                  select d, %s as collected,
                         case when %s < 0.5 then 'UMBILICAL_CORD_MSC' when %s < 0.8 then 'ADIPOSE_MSC' else 'BONE_MARROW_MSC' end as source,
                         case when %s < 0.6 then 'KR' when %s < 0.85 then 'US' else 'EU' end as jurisdiction
                  from generate_series(1::bigint, {d}) d) s) y) x
            """, id("donor", "x.d"), expression("COLLECTED", "d"), random(1, "d"), random(1, "d"), random(2, "d"), random(2, "d"));

    static final String DONOR_SEQUENCE = with("""
            insert into donor_code_sequence (year, last)
            select extract(year from collected_on)::int, count(*) from donor where id between %s and %s group by 1
            on conflict (year) do update set last = donor_code_sequence.last + excluded.last
            """, id("donor", "1"), id("donor", "{d}"));

    /** Every test of the donor's panel, negative, sampled on the day of collection: the donor is eligible. */
    static final String SCREENINGS = with("""
            insert into donor_screening (id, donor_id, test, result, sampled_on, recorded_by, recorded_at, test_code, status)
            select %s, d.id, t.name, case t.kind when 'NAT' then 'NOT_DETECTED' else 'NON_REACTIVE' end, d.collected_on, '{actor}',
                   d.collected_on::timestamptz + interval '3 days', t.code, 'VALID'
            from donor d
            join screening_panel p on p.source_type = d.source_type and p.jurisdiction = d.collection_jurisdiction
            join screening_panel_test pt on pt.panel_id = p.id and pt.removed_at is null
            join screening_test t on t.code = pt.test_code
            where d.id between %s and %s
            """, id("screening", index("d.id") + " * 16 + t.sort_order / 10"), id("donor", "1"), id("donor", "{d}"));

    /** Cosmetic, commercial and clinical use for every donor (every product may be released), research for half. */
    static final String CONSENTS = with("""
            insert into donor_consent (id, donor_id, scope, granted_on, document_reference, status, recorded_by, recorded_at)
            select %s, d.id, s.scope, d.collected_on - 1, 'SYN-CONSENT-' || d.code, 'GRANTED', '{actor}', d.collected_on::timestamptz
            from donor d
            cross join (values (1, 'COSMETIC_USE'), (2, 'COMMERCIAL'), (3, 'CLINICAL_USE'), (4, 'RESEARCH')) as s (k, scope)
            where d.id between %s and %s and (s.k < 4 or %s < 0.5)
            """, id("consent", index("d.id") + " * 4 + s.k"), id("donor", "1"), id("donor", "{d}"), random(3, index("d.id")));

    // --- batches -----------------------------------------------------------------------------------

    static final String BATCHES = with("""
            insert into batch (id, code, donor_id, method, g_force, duration_minutes, method_detail, input_volume_ml, input_cell_count, passage,
                               started_on, completed_on, operator, notes, created_at, created_by)
            select %s, 'B-' || extract(year from x.started)::int || '-' || %s, %s, x.method,
                   case when x.method = 'ULTRACENTRIFUGATION' then 100000 + round(x.r * 20000) end,
                   case when x.method = 'ULTRACENTRIFUGATION' then 70 + round(x.r * 50)::int end,
                   'Synthetic isolation run for a scale benchmark', round((200 + x.r * 800)::numeric, 1)::float8,
                   (50000000 + round(x.r * 150000000))::bigint, 3 + round(x.r * 3)::int,
                   x.started, x.started + 1, 'Scale benchmark operator', null, x.started::timestamptz, '{actor}'
            from (
              select b, %s as started, %s as r,
                     case when %s < 0.7 then 'ULTRACENTRIFUGATION' when %s < 0.85 then 'SIZE_EXCLUSION_CHROMATOGRAPHY' else 'TANGENTIAL_FLOW_FILTRATION' end as method,
                     row_number() over (partition by extract(year from %s) order by b) as ordinal
              from generate_series(1::bigint, {b}) b) x
            """, id("batch", "x.b"),
            padded("x.ordinal + coalesce((select q.last from batch_code_sequence q where q.kind = 'B' and q.year = extract(year from x.started)), 0)", 4),
            id("donor", expression("DONOROF", "x.b")), expression("BATCHDATE", "b"), random(4, "b"), random(5, "b"), random(5, "b"),
            expression("BATCHDATE", "b"));

    static final String BATCH_SEQUENCE = with("""
            insert into batch_code_sequence (kind, year, last)
            select 'B', extract(year from started_on)::int, count(*) from batch where id between %s and %s group by 2
            on conflict (kind, year) do update set last = batch_code_sequence.last + excluded.last
            """, id("batch", "1"), id("batch", "{b}"));

    // --- clinics -----------------------------------------------------------------------------------

    static final String CLINICS = with("""
            insert into clinic (id, code, name, jurisdiction, address, created_by, created_at)
            select %s, 'SX{runno}-' || lpad(c::text, 2, '0'), 'Synthetic Clinic ' || lpad(c::text, 2, '0') || ' (scale run {runno})',
                   case when %s < 0.7 then 'KR' else 'US' end, 'Synthetic address ' || c, '{actor}', {start}::timestamptz
            from generate_series(1, {c}) c
            """, id("clinic", "c"), random(6, "c"));

    static final String CLINIC_MEMBERS = with("""
            insert into clinic_member (clinic_id, username, added_by, added_at)
            select %s, %s, '{actor}', {start}::timestamptz from generate_series(1, {c}) c
            """, id("clinic", "c"), expression("MEMBER", "c"));

    // --- lots, in chunks [{lo}, {hi}] ---------------------------------------------------------------

    /** Lot {@code i}: 70 % primary, 20 % derivative, 10 % pool (the first ten are primary); released after 14 days unless not. */
    private static final String LOT_ROWS = with("""
            select g.*, case when g.product = 'HMSC-EXO-SERUM' then 2.0 when g.product = 'HMSC-EXO-INJ' then 1.0 else 10.0 end as unit_ml,
                   case when g.age < 14 then 'IN_TESTING' when g.rs < 0.86 then 'RELEASED' when g.rs < 0.92 then 'REJECTED'
                        when g.rs < 0.95 then 'QUARANTINED' else 'IN_TESTING' end as state,
                   (g.made + 14) + time '10:00' as decided
            from (
              select i, %s as made, {span} - ((i - 1) * {span} / {n}) as age, %s as rs, power(10, 9 + 2 * %s) as conc,
                     case when i <= 10 or %s < 0.7 then 'PRIMARY' when %s < 0.9 then 'DERIVATIVE' else 'POOL' end as kind,
                     case when %s < 0.75 then 'HMSC-EXO-SERUM' when %s < 0.9 then 'HMSC-EXO-BULK' else 'HMSC-EXO-INJ' end as product
              from generate_series({lo}::bigint, {hi}) i) g
            """, expression("LOTDATE", "i"), random(10, "i"), random(11, "i"), random(12, "i"), random(12, "i"),
            random(13, "i"), random(13, "i"));

    static final String LOT_CHUNK = "create temp table scale_lot on commit drop as " + LOT_ROWS;

    static final String LOTS = with("""
            insert into lot (id, code, product_code, kind, batch_id, concentration_per_ml, volume_ml, manufactured_on, expires_on, state,
                             disposition_signature_id, disposition_reason, created_at, created_by)
            select %s, 'L-' || extract(year from x.made)::int || '-' || %s, x.product, x.kind,
                   case when x.kind = 'PRIMARY' then %s end, x.conc, x.unit_ml * 10 + 5, x.made,
                   (x.made + case when x.product = 'HMSC-EXO-SERUM' then interval '24 months' else interval '12 months' end)::date, x.state,
                   case when x.state <> 'IN_TESTING' then %s end,
                   case x.state when 'REJECTED' then 'Out of specification: particle concentration below the limit (synthetic)'
                                when 'QUARANTINED' then 'Held while a deviation is investigated (synthetic)' end,
                   x.made + time '09:00', '{actor}'
            from (select l.*, row_number() over (partition by extract(year from l.made) order by l.i) as ordinal from scale_lot l) x
            order by x.i
            """, id("lot", "x.i"),
            padded("x.ordinal + coalesce((select q.last from batch_code_sequence q where q.kind = 'L' and q.year = extract(year from x.made)), 0)", 4),
            id("batch", expression("BATCHOF", "x.i")), id("signature", "x.i"));

    static final String LOT_SEQUENCE = """
            insert into batch_code_sequence (kind, year, last)
            select 'L', extract(year from made)::int, count(*) from scale_lot group by 2
            on conflict (kind, year) do update set last = batch_code_sequence.last + excluded.last
            """;

    /** A derivative's one parent, a pool's two to four, among the 2,000 lots made before it. */
    static final String LOT_PARENTS = with("""
            insert into lot_parent (lot_id, parent_lot_id)
            select %s, %s
            from (select i, floor(%s * least(i - 6, 2000))::bigint as base,
                         case when kind = 'DERIVATIVE' then 1 else 2 + floor(%s * 3)::int end as parents
                  from scale_lot where kind <> 'PRIMARY') x
            cross join lateral generate_series(1, x.parents) p
            """, id("lot", "x.i"), id("lot", "x.i - x.base - p"), random(14, "i"), random(15, "i"));

    static final String SIGNATURES = with("""
            insert into electronic_signature (id, record_type, record_id, username, printed_name, meaning, signed_at, content_hash)
            select %s, 'lot', %s, '{actor}', 'Scale benchmark (synthetic)', x.meaning, x.decided,
                   encode(sha256(convert_to(%s::text || x.meaning || x.decided::text, 'UTF8')), 'hex')
            from (select l.*, case l.state when 'RELEASED' then 'RELEASE' when 'REJECTED' then 'REJECTION' else 'QUARANTINE' end as meaning
                  from scale_lot l where l.state <> 'IN_TESTING') x
            order by x.i
            """, id("signature", "x.i"), id("lot", "x.i"), id("lot", "x.i"));

    static final String DECISIONS = with("""
            insert into lot_decision (id, lot_id, kind, reason, certificate_number, signature_id, evaluation_snapshot, decided_at,
                                      released_concentration_per_ml, released_concentration_measured, released_concentration_method)
            select %s, %s, x.meaning, x.reason,
                   case when x.meaning = 'RELEASE' then 'CoA-' || extract(year from x.decided)::int || '-' || %s end,
                   %s, null, x.decided,
                   case when x.meaning = 'RELEASE' then x.conc end, case when x.meaning = 'RELEASE' then false end,
                   case when x.meaning = 'RELEASE' then 'declared on the lot (synthetic scale data, no measurement)' end
            from (select l.*, case l.state when 'RELEASED' then 'RELEASE' when 'REJECTED' then 'REJECTION' else 'QUARANTINE' end as meaning,
                         case l.state when 'REJECTED' then 'Out of specification: particle concentration below the limit (synthetic)'
                                      when 'QUARANTINED' then 'Held while a deviation is investigated (synthetic)' end as reason,
                         row_number() over (partition by l.state = 'RELEASED', extract(year from l.decided) order by l.i) as ordinal
                  from scale_lot l where l.state <> 'IN_TESTING') x
            order by x.i
            """, id("decision", "x.i"), id("lot", "x.i"),
            padded("x.ordinal + coalesce((select q.last from certificate_sequence q where q.year = extract(year from x.decided)), 0)", 5),
            id("signature", "x.i"));

    static final String CERTIFICATE_SEQUENCE = """
            insert into certificate_sequence (year, last)
            select extract(year from decided)::int, count(*) from scale_lot where state = 'RELEASED' group by 1
            on conflict (year) do update set last = certificate_sequence.last + excluded.last
            """;

    /**
     * The chunk's units with where they go: 60 % of a released serum lot's units are shipped, its
     * first five to one clinic and the rest to another, three to seven weeks after manufacture,
     * in the clinic's weekly shipment; a few units left in the lab were destroyed.
     */
    static final String UNIT_CHUNK = with("""
            create temp table scale_unit on commit drop as
            select y.*, y.shipped_week <= {today} and y.candidate as shipped,
                   not (y.shipped_week <= {today} and y.candidate) and y.age >= 20 and %s < 0.004 as destroyed
            from (
              select l.i, l.made, l.age, l.state, l.product, l.unit_ml, u, (l.i - 1) * 10 + u as ui, lot.code || '-U' || lpad(u::text, 3, '0') as code,
                     lot.id as lot_id, lot.code as lot_code,
                     l.state = 'RELEASED' and l.product = 'HMSC-EXO-SERUM' and %s < 0.6 as candidate,
                     1 + floor(%s * {c})::int as clinic,
                     ((l.made - date '1970-01-01') + 21 + floor(%s * 28)::int) / 7 as week,
                     date '1970-01-01' + (((l.made - date '1970-01-01') + 21 + floor(%s * 28)::int) / 7) * 7 as shipped_week
              from scale_lot l
              join lot on lot.id = %s
              cross join generate_series(1, 10) u) y
            """, random(16, "y.ui"), random(17, "(l.i - 1) * 10 + u"), random(18, "l.i * 2 + (u > 5)::int"), random(19, "l.i"),
            random(19, "l.i"), id("lot", "l.i"));

    static final String UNITS = with("""
            insert into lot_unit (id, code, lot_id, number, volume_ml, created_at, created_by,
                                  destroyed_on, destroyed_by, destroyed_at, destruction_reason)
            select %s, s.code, s.lot_id, s.u, s.unit_ml, s.made + time '12:00', '{actor}',
                   case when s.destroyed then s.made + 10 end, case when s.destroyed then '{actor}' end,
                   case when s.destroyed then s.made + 10 + time '15:00' end,
                   case when s.destroyed then 'Cracked ampoule found at visual inspection (synthetic)' end
            from scale_unit s order by s.ui
            """, id("unit", "s.ui"));

    static final String SHIPMENTS = with("""
            insert into shipment (id, clinic_id, shipped_on, sender, note, received_on, received_by, created_at)
            select distinct on (s.week, s.clinic) %s, %s, s.shipped_week, '{actor}', 'Synthetic weekly shipment for a scale benchmark',
                   case when s.shipped_week + 2 <= {today} then s.shipped_week + 2 end,
                   case when s.shipped_week + 2 <= {today} then %s end, s.shipped_week + time '08:00'
            from scale_unit s where s.shipped
            order by s.week, s.clinic
            on conflict (id) do nothing
            """, id("shipment", "s.week * 64 + s.clinic"), id("clinic", "s.clinic"), expression("MEMBER", "s.clinic"));

    static final String SHIPMENT_UNITS = with("""
            insert into shipment_unit (shipment_id, clinic_id, unit_id, unit_code, lot_id)
            select %s, %s, %s, s.code, s.lot_id from scale_unit s where s.shipped
            """, id("shipment", "s.week * 64 + s.clinic"), id("clinic", "s.clinic"), id("unit", "s.ui"));

    // --- the clinics' records, in one transaction --------------------------------------------------

    /**
     * Half of the units received are used, 3 to 93 days after receipt, before they expire and not
     * after today, each by one of its clinic's patients.
     */
    static final String USES = with("""
            create temp table scale_use on commit drop as
            select y.*, %s as session_id, row_number() over (partition by y.patient order by y.day, y.ui) as number
            from (
              select x.*, (x.clinic - 1) * {ppc} + 1 + floor(%s * {ppc})::bigint as patient
              from (
                select %s as ui, su.unit_id, su.unit_code, su.lot_id, l.code as lot_code, l.product_code, l.concentration_per_ml,
                       u.volume_ml, %s as clinic, s.received_on + 3 + floor(%s * 90)::int as day, l.expires_on
                from shipment_unit su
                join shipment s on s.id = su.shipment_id
                join lot_unit u on u.id = su.unit_id
                join lot l on l.id = su.lot_id
                where su.unit_id between %s and %s and s.received_on is not null and %s < 0.5) x
              where x.day <= least({today}, x.expires_on)) y
            """, id("session", "y.ui"), random(22, "x.ui"), index("su.unit_id"), index("s.clinic_id"),
            random(21, index("su.unit_id")), id("unit", "1"), id("unit", "{n} * 10"), random(20, index("su.unit_id")));

    /** One row per patient with the plan they are on: a shipped, non-investigational template that is not an injection. */
    static final String PATIENT_PLANS = with("""
            create temp table scale_patient on commit drop as
            select p.*, t.id as template_id, t.route, t.indication, t.sessions, t.interval_days, t.follow_up_days
            from (select patient, min(clinic) as clinic, min(day) as first_day, (array_agg(product_code order by day, ui))[1] as product
                  from scale_use group by patient) p
            join (select tt.*, row_number() over (order by tt.code) as k
                  from protocol_template tt where tt.clinic_id is null and not tt.investigational and tt.route not like '%%INJECTION%%') t
              on t.k = 1 + floor(%s * (select count(*) from protocol_template tt where tt.clinic_id is null and not tt.investigational
                                                                                and tt.route not like '%%INJECTION%%'))
            """, random(23, "p.patient"));

    static final String PATIENTS = with("""
            insert into patient (id, clinic_id, pseudonym, given_name, family_name, date_of_birth, sex, contact, fitzpatrick, indications,
                                 history, contraindications, created_by, created_at)
            select %s, %s, 'P-' || c.code || '-' || %s,
                   (array['Ari', 'Bo', 'Cam', 'Dee', 'Eli', 'Fen', 'Gus', 'Hana', 'Ivo', 'Jun'])[1 + floor(%s * 10)::int],
                   'Synthetic-' || x.patient, (x.first_day - interval '18 years' - (floor(%s * 50 * 365)::int) * interval '1 day')::date,
                   case when %s < 0.7 then 'FEMALE' when %s < 0.97 then 'MALE' else 'OTHER' end, null,
                   (array['I', 'II', 'III', 'IV', 'V', 'VI'])[1 + floor(%s * 6)::int], x.indication, null, null, %s,
                   x.first_day - 14 + time '10:00'
            from (select p.*, nextval('patient_number') as number from (select * from scale_patient order by patient) p) x
            join clinic c on c.id = %s
            order by x.patient
            """, id("patient", "x.patient"), id("clinic", "x.clinic"), padded("x.number", 6), random(24, "x.patient"),
            random(25, "x.patient"), random(26, "x.patient"), random(26, "x.patient"), random(27, "x.patient"),
            expression("MEMBER", "x.clinic"), id("clinic", "x.clinic"));

    static final String PATIENT_CONSENTS = with("""
            insert into patient_consent (id, patient_id, kind, form_version, signed_on, signed_by, recorded_by, recorded_at)
            select %s, %s, k.kind, 'synthetic-v1', x.first_day - 14, 'the patient (synthetic)', %s, x.first_day - 14 + time '10:05'
            from scale_patient x
            cross join (values (1, 'TREATMENT'), (2, 'RESEARCH_USE')) as k (n, kind)
            where k.n = 1 or %s < 0.4
            """, id("pconsent", "x.patient * 2 + k.n"), id("patient", "x.patient"), expression("MEMBER", "x.clinic"),
            random(28, "x.patient"));

    static final String PLANS = with("""
            insert into treatment_plan (id, patient_id, clinic_id, template_id, product_code, source_type, route, purpose, trial_id, start_on,
                                        compliance_verdict, compliance_message, created_by, created_at)
            select %s, %s, %s, x.template_id, x.product,
                   case when %s < 0.5 then 'UMBILICAL_CORD_MSC' when %s < 0.8 then 'ADIPOSE_MSC' else 'BONE_MARROW_MSC' end,
                   x.route, 'COSMETIC', null, x.first_day, 'PERMITTED_WITH_CAUTION',
                   'Synthetic scale benchmark record: not checked against the regulatory rules', %s, x.first_day - 14 + time '10:10'
            from scale_patient x order by x.patient
            """, id("plan", "x.patient"), id("patient", "x.patient"), id("clinic", "x.clinic"), random(29, "x.patient"),
            random(29, "x.patient"), expression("MEMBER", "x.clinic"));

    static final String VISITS = with("""
            insert into plan_visit (id, plan_id, kind, number, due_on)
            select %s, %s, v.kind, v.number, v.due_on
            from scale_patient x
            cross join lateral (
              select 'SESSION' as kind, n as number, x.first_day + (n - 1) * x.interval_days as due_on, n as k
              from generate_series(1, x.sessions) n
              union all
              select 'FOLLOW_UP', f.number::int, x.first_day + (x.sessions - 1) * x.interval_days + f.days::int, 100 + f.number::int
              from unnest(string_to_array(x.follow_up_days, ',')) with ordinality as f (days, number)) v
            """, id("visit", "x.patient * 128 + v.k"), id("plan", "x.patient"));

    static final String SESSIONS = with("""
            insert into treatment_session (id, plan_id, patient_id, clinic_id, number, performed_on, unit_id, unit_code, lot_id, lot_code,
                                           product_code, source_types, volume_ml, particles_per_ml, concentration_source, dose_particles,
                                           route, device, operator, area, side, compliance_verdict, compliance_message, recorded_by,
                                           recorded_at, status, concentration_basis)
            select u.session_id, %s, %s, %s, u.number, u.day, u.unit_id, u.unit_code, u.lot_id, u.lot_code, u.product_code,
                   pr.source_types, u.volume_ml, u.concentration_per_ml, 'DECLARED', u.concentration_per_ml * u.volume_ml,
                   p.route, null, %s, 'Full face', 'BOTH', 'PERMITTED_WITH_CAUTION',
                   'Synthetic scale benchmark record: not checked against the regulatory rules', %s, u.day + time '11:00', 'RECORDED',
                   'declared on lot ' || u.lot_code || ' (synthetic scale data)'
            from scale_use u
            join scale_patient p on p.patient = u.patient
            join product pr on pr.code = u.product_code
            where u.number <= 100
            order by u.ui
            """, id("plan", "u.patient"), id("patient", "u.patient"), id("clinic", "u.clinic"), expression("MEMBER", "u.clinic"),
            expression("MEMBER", "u.clinic"));
}
