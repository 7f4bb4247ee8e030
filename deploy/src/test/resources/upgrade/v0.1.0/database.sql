--
-- PostgreSQL database dump
--

\restrict MhqJKA1hIt2lsa6ILhLi9mWLydadHVhNH6O7dyhIAkwIWpOs1kMUpK2LMSrPveC

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: appeal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.appeal (
    case_id uuid NOT NULL,
    filed_on date NOT NULL,
    state character varying(16) NOT NULL,
    decision character varying(24),
    decided_on date,
    CONSTRAINT appeal_check CHECK (((((state)::text = 'PENDING'::text) AND (decision IS NULL) AND (decided_on IS NULL)) OR (((state)::text = 'DECIDED'::text) AND (decision IS NOT NULL) AND (decided_on IS NOT NULL)))),
    CONSTRAINT appeal_state_check CHECK (((state)::text = ANY ((ARRAY['PENDING'::character varying, 'DECIDED'::character varying])::text[])))
);


--
-- Name: audit_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_entry (
    seq bigint NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    actor_kind character varying(16) NOT NULL,
    actor_id character varying(36),
    actor_name character varying(64),
    action character varying(40) NOT NULL,
    subject_kind character varying(32),
    subject_id character varying(64),
    details character varying(2000) NOT NULL,
    key_id character varying(32) NOT NULL,
    prev_hash character varying(64) NOT NULL,
    entry_hash character varying(64) NOT NULL,
    signature character varying(128) NOT NULL
);


--
-- Name: audit_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_head (
    id integer NOT NULL,
    last_seq bigint NOT NULL,
    last_hash character varying(64) NOT NULL
);


--
-- Name: case_file; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_file (
    id uuid NOT NULL,
    channel_id uuid NOT NULL,
    lookup_handle character varying(64) NOT NULL,
    sealed_in_browser boolean NOT NULL,
    status character varying(24) NOT NULL,
    received_on date NOT NULL,
    acknowledged_on date,
    assessment_on date,
    investigation_on date,
    concluded_on date,
    outcome character varying(24),
    last_activity_on date NOT NULL,
    whistleblower_key character varying(32000) NOT NULL,
    whistleblower_fingerprint character varying(64) NOT NULL,
    next_deadline_on date
);


--
-- Name: case_item; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_item (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    "position" integer NOT NULL,
    kind character varying(32) NOT NULL,
    author_staff_id uuid,
    created_on date NOT NULL,
    blob_id character varying(32) NOT NULL,
    ciphertext_bytes bigint NOT NULL
);


--
-- Name: case_label; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_label (
    case_id uuid NOT NULL,
    label character varying(40) NOT NULL
);


--
-- Name: case_recipient; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_recipient (
    case_id uuid NOT NULL,
    staff_id uuid NOT NULL,
    fingerprint character varying(64) NOT NULL
);


--
-- Name: case_retention; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_retention (
    case_id uuid NOT NULL,
    extended_until date,
    extension_reason character varying(32),
    legal_hold boolean DEFAULT false NOT NULL,
    hold_reason character varying(32),
    hold_since date
);


--
-- Name: case_stats; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.case_stats (
    id uuid NOT NULL,
    channel_id uuid NOT NULL,
    received_quarter date NOT NULL,
    days_to_acknowledge integer,
    acknowledged_in_time boolean NOT NULL,
    days_to_feedback integer,
    feedback_in_time boolean NOT NULL,
    outcome character varying(24),
    appeal_state character varying(16),
    appeal_decision character varying(24),
    deleted_quarter date NOT NULL
);


--
-- Name: channel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel (
    id uuid NOT NULL,
    slug character varying(64) NOT NULL,
    published boolean NOT NULL,
    "position" integer NOT NULL,
    created_on date NOT NULL,
    version bigint DEFAULT 0 NOT NULL,
    retention_days integer DEFAULT 365 NOT NULL,
    uploads_allowed boolean DEFAULT false NOT NULL,
    max_file_bytes bigint DEFAULT 104857600 NOT NULL,
    max_files integer DEFAULT 10 NOT NULL,
    max_total_bytes bigint DEFAULT 524288000 NOT NULL,
    questionnaire character varying(1000000) DEFAULT '{"format":1,"fields":[]}'::character varying NOT NULL,
    published_in_transparency boolean DEFAULT false NOT NULL,
    CONSTRAINT channel_retention_range CHECK (((retention_days >= 30) AND (retention_days <= 3650))),
    CONSTRAINT channel_upload_limits CHECK (((max_file_bytes > 0) AND (max_files > 0) AND (max_total_bytes >= max_file_bytes)))
);


--
-- Name: channel_recipient; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel_recipient (
    channel_id uuid NOT NULL,
    staff_id character varying(36) NOT NULL
);


--
-- Name: channel_text; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel_text (
    channel_id uuid NOT NULL,
    language character varying(8) NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(4000) NOT NULL
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: governance_job; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.governance_job (
    name character varying(32) NOT NULL,
    claimed_by character varying(64),
    claimed_until timestamp with time zone,
    last_started_at timestamp with time zone,
    last_ended_at timestamp with time zone,
    last_deleted integer DEFAULT 0 NOT NULL,
    last_failed integer DEFAULT 0 NOT NULL,
    last_swept integer DEFAULT 0 NOT NULL
);


--
-- Name: investigator_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.investigator_key (
    staff_id uuid NOT NULL,
    fingerprint character varying(64) NOT NULL,
    public_armored character varying(32000) NOT NULL,
    locked_secret character varying(32000) NOT NULL,
    origin character varying(16) NOT NULL,
    created_on date NOT NULL
);


--
-- Name: search_index; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_index (
    id uuid NOT NULL,
    created_on date NOT NULL,
    key_fingerprint character varying(16) NOT NULL
);


--
-- Name: search_index_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_index_key (
    staff_id uuid NOT NULL,
    index_id uuid NOT NULL,
    sealed_key character varying(8000) NOT NULL,
    created_on date NOT NULL
);


--
-- Name: search_indexed; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.search_indexed (
    case_id uuid NOT NULL,
    index_id uuid NOT NULL,
    item_count integer NOT NULL,
    status character varying(24) NOT NULL,
    labels character varying(1000) NOT NULL
);


--
-- Name: setup_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.setup_state (
    id integer NOT NULL,
    completed boolean NOT NULL
);


--
-- Name: setup_token; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.setup_token (
    token_hash character varying(64) NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


--
-- Name: staff_invitation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_invitation (
    token_hash character varying(64) NOT NULL,
    role character varying(16) NOT NULL,
    invited_by uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    accepted_by uuid
);


--
-- Name: staff_member; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_member (
    id uuid NOT NULL,
    username character varying(64) NOT NULL,
    display_name character varying(200) NOT NULL,
    password_hash character varying(255) NOT NULL,
    enabled boolean NOT NULL,
    created_on date NOT NULL,
    totp_secret_sealed character varying(255),
    totp_last_step bigint,
    failed_sign_ins integer DEFAULT 0 NOT NULL,
    throttled_until timestamp with time zone
);


--
-- Name: staff_recovery_code; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_recovery_code (
    staff_id uuid NOT NULL,
    code_hash character varying(64) NOT NULL
);


--
-- Name: staff_role; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.staff_role (
    staff_id uuid NOT NULL,
    role character varying(16) NOT NULL
);


--
-- Data for Name: appeal; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.appeal (case_id, filed_on, state, decision, decided_on) FROM stdin;
\.


--
-- Data for Name: audit_entry; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_entry (seq, recorded_at, actor_kind, actor_id, actor_name, action, subject_kind, subject_id, details, key_id, prev_hash, entry_hash, signature) FROM stdin;
1	2026-12-07 18:13:46.087852+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	SECOND_FACTOR_ENROLLED	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b		c42be09671e512e6261165a730a3e0a1	0000000000000000000000000000000000000000000000000000000000000000	4087a6c1f5de8be783166c366f917ea600d85e703ce1d6d6a72a9d3929571a70	0bc461312abe3dd20d0ccc3cc41c0f376749d83bb51a7da03ff240c94bf5b9988db7f0b3ba0477bc1473fb264b3d2ed8bb78482e4d2dda57b114cea49e73f505
2	2026-12-07 18:13:46.099042+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	STAFF_SIGNED_IN	\N	\N		c42be09671e512e6261165a730a3e0a1	4087a6c1f5de8be783166c366f917ea600d85e703ce1d6d6a72a9d3929571a70	bed3e953b3923a2faa8515dd6af0e392ce2b6cc43eb16c26ab4f142739d67f2a	1c1358c297154d2349522e2885d1bc53e878012e4444febb072392ff341c7ea9c2cccfef350e06dd3091593fa79df69ee1a3eadac1bfe320c160460a2ed37802
3	2026-12-07 18:13:46.81678+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	KEY_UNLOCKED	\N	\N	fingerprint=E5DEFD88837C67E14F92D222FC3075F03389F374	c42be09671e512e6261165a730a3e0a1	bed3e953b3923a2faa8515dd6af0e392ce2b6cc43eb16c26ab4f142739d67f2a	8c69b90010fa247974c70ea27f6cb6509603c9765e41d5b5a1fb04d44c9a5895	00949dd9624577f83d3c39aae3f4fbd99d735658dd5214edb538fa4aa6164de3bebbf87465cf5362d4db03c07f5ea5da39df9515bfe630ae97bca6ad85379c04
4	2026-12-07 18:13:47.257996+00	system	\N	\N	SEARCH_INDEX_KEY_SHARED	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	fingerprint=E5DEFD88837C67E14F92D222FC3075F03389F374\nindex=a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	c42be09671e512e6261165a730a3e0a1	8c69b90010fa247974c70ea27f6cb6509603c9765e41d5b5a1fb04d44c9a5895	7cd05153598612ecd35907a4b26cef08d93bbf317f644e5aa3e2f94d22493fd2	268cf0972c49c998d6bd779e1a3835144fd60078aa1fb5c8876ca6c1fa0d4eef3f75a1ae51f53f1eca76d594586b6399d2bf3161f0a5298d1e6e9b935b0d8402
5	2026-12-07 18:13:47.277774+00	system	\N	\N	SEARCH_INDEX_KEY_SHARED	staff	11fe017c-1af6-4584-b7a0-2e7b934438e0	fingerprint=689986848866932C4FD6B6E0815594B2906851B6\nindex=a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	c42be09671e512e6261165a730a3e0a1	7cd05153598612ecd35907a4b26cef08d93bbf317f644e5aa3e2f94d22493fd2	77b4ba75fd1f2a372b96f69ea2faa51ac1c3df087f1e088a8032ee6386503b24	aa3d2010277e1c406021dd04d6482738c690900be6933bbdde6a1f16b42dfd9805a1d8b80fee3fbde41bfcbba4ef64c0d767d6f4ab8c3798a5884ea8d08a4e0d
6	2026-12-07 18:13:47.293671+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	KEY_GENERATED	search-index	a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	fingerprint=4d919dcd\nkey=search-index	c42be09671e512e6261165a730a3e0a1	77b4ba75fd1f2a372b96f69ea2faa51ac1c3df087f1e088a8032ee6386503b24	97cd8b212d0e8735da18f8fdc54497106a58531ac4e8b35a8d5e60e0ab6d345c	dcad3b1655e593e54c8cd967a900affcf10a8c6ec3d138092813b2edac0253334b28322fb197e122e22315763d05cdba39c6f9b6776928501b9fb2eaf3a4d505
7	2026-12-07 18:13:47.761863+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	CASE_CONTENTS_OPENED	case	104e063c-da3f-4b47-85b4-79a97a5eaf04	items=2\npart=case	c42be09671e512e6261165a730a3e0a1	97cd8b212d0e8735da18f8fdc54497106a58531ac4e8b35a8d5e60e0ab6d345c	ed13a90605fd44f94acca67e3ed13aebb059be07566e96c85c93d8540e051702	776d3428ef85e30af5b0fa8571452351025f5e361c037a72eb624b09d351ae04e3035be9b89ea898f3ad96bc7f9c0d0d3aa1e996b92b51e4908c5de11f17f80d
8	2026-12-07 18:13:48.155952+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	CASE_STATUS_CHANGED	case	104e063c-da3f-4b47-85b4-79a97a5eaf04	from=RECEIVED\nto=ACKNOWLEDGED	c42be09671e512e6261165a730a3e0a1	ed13a90605fd44f94acca67e3ed13aebb059be07566e96c85c93d8540e051702	29c843d5ea8d6d014481715410203e38c220d38aee4b470fe603c57cedd19365	04f01e7b26819a61d6de19aa5c47495b7863e983aef7c275b27ed89ec759752411ace1125c95b388c09066a11a00ea27d41883ff9093606dcebf582adee2f50f
9	2026-12-07 18:13:48.206214+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	CASE_CONTENTS_OPENED	case	104e063c-da3f-4b47-85b4-79a97a5eaf04	items=2\npart=case	c42be09671e512e6261165a730a3e0a1	29c843d5ea8d6d014481715410203e38c220d38aee4b470fe603c57cedd19365	5dad30b270a6b5e95ccf0c20eea01910a11ec96b78251287475416e8c446ec8e	c2e6f7732bb758d9eca4efb4e29d0101add9707a30f7c6370da41b1b4662b46a6e2c30525f9bae48db4c740128c98d0d91bc29044e04985fa8a18a5a235bdf0e
10	2026-12-07 18:13:48.605178+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	CASE_REPLIED	case	104e063c-da3f-4b47-85b4-79a97a5eaf04	files=0	c42be09671e512e6261165a730a3e0a1	5dad30b270a6b5e95ccf0c20eea01910a11ec96b78251287475416e8c446ec8e	d2017286624a00929943b54487d74daf1517fdeaefdce89270adc76a4c0fc9d2	1a11db3dcb72b7155821ea8a2c5ea5fe67a7c800e24323ec5bd2dbf35dbf94cd881cdfa4de66b185bcd773f200787048becbcbf90b581d2f376131db1c66e501
11	2026-12-07 18:13:48.663321+00	staff	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	CASE_CONTENTS_OPENED	case	104e063c-da3f-4b47-85b4-79a97a5eaf04	items=3\npart=case	c42be09671e512e6261165a730a3e0a1	d2017286624a00929943b54487d74daf1517fdeaefdce89270adc76a4c0fc9d2	156566bbe36d23d595004e4bea30f60268bddad7c03ad8dfa2d58576ddd15060	7ac34bc8864f9ac3678229786841bfc29ed338d06996e1f932ae99c38ea4be78b7ec991357f19e0671456affc40c731f64c2cee73cfa6d431e11cb951d97630a
\.


--
-- Data for Name: audit_head; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.audit_head (id, last_seq, last_hash) FROM stdin;
1	11	156566bbe36d23d595004e4bea30f60268bddad7c03ad8dfa2d58576ddd15060
\.


--
-- Data for Name: case_file; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_file (id, channel_id, lookup_handle, sealed_in_browser, status, received_on, acknowledged_on, assessment_on, investigation_on, concluded_on, outcome, last_activity_on, whistleblower_key, whistleblower_fingerprint, next_deadline_on) FROM stdin;
ae623dbe-b38a-4c1c-8893-ce584aa8b224	d3c3e06f-a3c9-4f22-9612-d7d4384128c3	ae1ffb09b1bd88e0cb4c51645a249aac23eb1c754e055f89124068077c3d293f	f	RECEIVED	2026-12-07	\N	\N	\N	\N	\N	2026-12-07	xYYEaxb3WRYJKwYBBAHaRw8BAQdAjwQI9xoRwyVpTJz/8DlW6yJSDggjMjVRlG1eUYZLT4L+CQMIpHC7+5uGJnwAgdZIOLKg/vKprNiJdn0Rps/fYwp7whjTg/KHUtEOxywy0G+/v2eXtQHhuPJVuT1gTNZIcH5T9UyQkBFE7rmDbHb+q2lfP8KHBB8WCgAvFqEECa95I0uXbatIGiGy4p8orJwzxBQFgmsW91kCmwEDCwkHAxUKCAMWAAICHgEACgkQ4p8orJwzxBR2MwEAiCS49wWvzPxLDUjIbblrsFvTUROUa3CyO8FbBHHeBb4A/0eUYVWu9KnbJN5Yx58Jr3ITH/uuODtRp8tut2xpqLQMzQ9DYW5kb3IgY2FzZSBrZXnChAQTFgoALBahBAmveSNLl22rSBohsuKfKKycM8QUBYJrFvdZAwsJBwMVCggDFgACAh4BAAoJEOKfKKycM8QUwcIA/1TSi5E1oA0CGYYcdaUtQpAPZ+IArw94fslqR7vaaK3zAPwIaOtHU8UkeeU9V5p2ET++TvvYZexh301OxnmPTfJvBseLBGsW91kSCisGAQQBl1UBBQEBB0CEkQE9uPFZSPSOc6LbkloP6puAr0TuZicCZVmhd+RIRQMBCAf+CQMIMQayOJL3CMsAI4tFdPOM0K84U5L+zgF92oGRC8LA/yCuHJNY8HQjFrcNRTYp9PZBag4stxe8jWGUodsj/6i5atPzbEJgDZaf9HtMiwDRFMJ4BBgWCgAgFqEECa95I0uXbatIGiGy4p8orJwzxBQFgmsW91kCmwwACgkQ4p8orJwzxBRRLQEAswMuBZ07QpHz5mbejy9m2DA5jeOkeCoVod3Tu634wFEA/jIdhWnpy63u/5rW9GC4OMq4zfvgyPOInI8cZ58Qbx8L	09AF79234B976DAB481A21B2E29F28AC9C33C414	2026-12-14
104e063c-da3f-4b47-85b4-79a97a5eaf04	3e97af9d-e96f-4f6a-945b-813c5f5fc7a0	6a1235786bcbf237ac1bc35892c099a1ef0612db40439944088dade7a1559282	f	ACKNOWLEDGED	2026-12-07	2026-12-07	\N	\N	\N	\N	2026-12-07	xYYEaxb3VRYJKwYBBAHaRw8BAQdAYPCowLF7JFvfRLfyM76hfpKdJKUZ6jXWMGIqIdk+jWL+CQMICAZVY9rqEvYARIvkj3z2/oRJR/JWLgSM+XnBRrf6P/49dS0tJKmTAn+WKOuN8Qlsq+nKpylIHMex4x4NqFizRSSzLXdJcJ2lNPysSdvvv8KHBB8WCgAvFqEEn5D/u0K/MHUhOSZ9JJ/TQtxDvq0FgmsW91UCmwEDCwkHAxUKCAMWAAICHgEACgkQJJ/TQtxDvq0vPAD7BCxtxWvOCLv3UN5bupx0AcHyUloE5+h/OZG4D3lQE0IBAKfaDdZ1ouBDdgYXib2Xv9dGol5d1qwnMq8qESgOI6cFzQ9DYW5kb3IgY2FzZSBrZXnChAQTFgoALBahBJ+Q/7tCvzB1ITkmfSSf00LcQ76tBYJrFvdVAwsJBwMVCggDFgACAh4BAAoJECSf00LcQ76t/ckBAOO4h9wbaxSw5Osvx/ZwNUCBTF/7euU1zkryaG6/5S0PAP9VyjXRoXtHwm9XjfLsxGgbK1FbwhjydvCKRW48ALAUC8eLBGsW91USCisGAQQBl1UBBQEBB0Adza8zAMZviW9bMLFA4UJ3rt00Ox124b2bmZ+eSaHbAwMBCAf+CQMI37GkXuY5gZAAZqlABeYAqWHWHrVK3n3wmuAG5p/D0muLG7cAYg3amaRucdm33G5O9wkicHUG4SymcRpdFMiCfUeR6afB/4ZRZ11d1qZyPcJ4BBgWCgAgFqEEn5D/u0K/MHUhOSZ9JJ/TQtxDvq0FgmsW91UCmwwACgkQJJ/TQtxDvq3N+AD/Zw+tm9H7nTSuZo27Nv/UaEboXtfuWhw5BKU3/4mILloBAKvudNTFM91yystBE56YymlR5DIT+z0vFpY4hhyBPecP	9F90FFBB42BF30752139267D249FD342DC43BEAD	2027-03-07
\.


--
-- Data for Name: case_item; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_item (id, case_id, "position", kind, author_staff_id, created_on, blob_id, ciphertext_bytes) FROM stdin;
f9fed890-5c2d-4797-8eac-f5c7888a0e91	104e063c-da3f-4b47-85b4-79a97a5eaf04	1	ATTACHMENT	\N	2026-12-07	f9ff56ecd5e81fa50581f07fc552161b	272
88f91040-0857-4f1f-b310-4d1629b36241	104e063c-da3f-4b47-85b4-79a97a5eaf04	0	REPORT	\N	2026-12-07	487ca4f1695c377976b0e3810f8beca9	490
69e0f0ef-2ed7-406f-b9ed-23998e4db797	ae623dbe-b38a-4c1c-8893-ce584aa8b224	0	REPORT	\N	2026-12-07	e9e8b706b82afef4507b44e4802fbee2	483
3aac3617-2eea-4797-a909-893bc5029454	ae623dbe-b38a-4c1c-8893-ce584aa8b224	1	ATTACHMENT	\N	2026-12-07	d6f476f4ba8b4be4cee14c42961098c8	247
c75bba8b-ae48-43fd-956a-497aee8b3030	104e063c-da3f-4b47-85b4-79a97a5eaf04	2	INVESTIGATOR_REPLY	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	2026-12-07	5c13381f0ab4edc230a857df2d433cf6	345
0880bf43-3340-412c-a477-6507e24409ed	104e063c-da3f-4b47-85b4-79a97a5eaf04	3	WHISTLEBLOWER_MESSAGE	\N	2026-12-07	5bac379da96a1943bc14d7382a6657b1	353
\.


--
-- Data for Name: case_label; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_label (case_id, label) FROM stdin;
\.


--
-- Data for Name: case_recipient; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_recipient (case_id, staff_id, fingerprint) FROM stdin;
104e063c-da3f-4b47-85b4-79a97a5eaf04	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	E5DEFD88837C67E14F92D222FC3075F03389F374
ae623dbe-b38a-4c1c-8893-ce584aa8b224	11fe017c-1af6-4584-b7a0-2e7b934438e0	689986848866932C4FD6B6E0815594B2906851B6
\.


--
-- Data for Name: case_retention; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_retention (case_id, extended_until, extension_reason, legal_hold, hold_reason, hold_since) FROM stdin;
\.


--
-- Data for Name: case_stats; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.case_stats (id, channel_id, received_quarter, days_to_acknowledge, acknowledged_in_time, days_to_feedback, feedback_in_time, outcome, appeal_state, appeal_decision, deleted_quarter) FROM stdin;
\.


--
-- Data for Name: channel; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.channel (id, slug, published, "position", created_on, version, retention_days, uploads_allowed, max_file_bytes, max_files, max_total_bytes, questionnaire, published_in_transparency) FROM stdin;
3e97af9d-e96f-4f6a-945b-813c5f5fc7a0	fraud	t	1	2026-12-07	0	365	t	1048576	10	10485760	{"format":1,"fields":[{"key":"what","type":"LONG_TEXT","label":{"de":"Was ist passiert?","en":"What happened?"},"help":{},"required":true,"maxLength":5000,"options":[],"maxFiles":0,"maxFileBytes":0},{"key":"where","type":"SHORT_TEXT","label":{"de":"Wo?","en":"Where?"},"help":{},"required":false,"maxLength":200,"options":[],"maxFiles":0,"maxFileBytes":0},{"key":"when","type":"SINGLE_CHOICE","label":{"de":"Dauert es an?","en":"Still going on?"},"help":{},"required":true,"maxLength":0,"options":[{"key":"yes","label":{"de":"Ja","en":"Yes"}},{"key":"no","label":{"de":"Nein","en":"No"}}],"maxFiles":0,"maxFileBytes":0},{"key":"evidence","type":"FILE","label":{"de":"Belege","en":"Evidence"},"help":{},"required":false,"maxLength":0,"options":[],"maxFiles":3,"maxFileBytes":1048576}]}	f
d3c3e06f-a3c9-4f22-9612-d7d4384128c3	safety	t	1	2026-12-07	0	365	t	1048576	10	10485760	{"format":1,"fields":[{"key":"what","type":"LONG_TEXT","label":{"de":"Was ist passiert?","en":"What happened?"},"help":{},"required":true,"maxLength":5000,"options":[],"maxFiles":0,"maxFileBytes":0},{"key":"where","type":"SHORT_TEXT","label":{"de":"Wo?","en":"Where?"},"help":{},"required":false,"maxLength":200,"options":[],"maxFiles":0,"maxFileBytes":0},{"key":"when","type":"SINGLE_CHOICE","label":{"de":"Dauert es an?","en":"Still going on?"},"help":{},"required":true,"maxLength":0,"options":[{"key":"yes","label":{"de":"Ja","en":"Yes"}},{"key":"no","label":{"de":"Nein","en":"No"}}],"maxFiles":0,"maxFileBytes":0},{"key":"evidence","type":"FILE","label":{"de":"Belege","en":"Evidence"},"help":{},"required":false,"maxLength":0,"options":[],"maxFiles":3,"maxFileBytes":1048576}]}	f
\.


--
-- Data for Name: channel_recipient; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.channel_recipient (channel_id, staff_id) FROM stdin;
3e97af9d-e96f-4f6a-945b-813c5f5fc7a0	00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b
d3c3e06f-a3c9-4f22-9612-d7d4384128c3	11fe017c-1af6-4584-b7a0-2e7b934438e0
\.


--
-- Data for Name: channel_text; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.channel_text (channel_id, language, name, description) FROM stdin;
3e97af9d-e96f-4f6a-945b-813c5f5fc7a0	en	Fraud fraud	Fraud
3e97af9d-e96f-4f6a-945b-813c5f5fc7a0	de	Betrug fraud	Betrug
d3c3e06f-a3c9-4f22-9612-d7d4384128c3	en	Fraud safety	Fraud
d3c3e06f-a3c9-4f22-9612-d7d4384128c3	de	Betrug safety	Betrug
\.


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time, success) FROM stdin;
1	1	foundation	SQL	V1__foundation.sql	-33951180	postgres	2026-12-07 18:13:20.943117	12	t
2	2	staff sign in	SQL	V2__staff_sign_in.sql	1091048180	postgres	2026-12-07 18:13:20.974834	7	t
3	3	audit log	SQL	V3__audit_log.sql	-1999550178	postgres	2026-12-07 18:13:20.990169	6	t
4	4	channels	SQL	V4__channels.sql	2019178440	postgres	2026-12-07 18:13:21.002576	7	t
5	5	cases	SQL	V5__cases.sql	-1741905361	postgres	2026-12-07 18:13:21.017734	13	t
6	6	appeals	SQL	V6__appeals.sql	-850615965	postgres	2026-12-07 18:13:21.036215	3	t
7	7	desk	SQL	V7__desk.sql	-1589088699	postgres	2026-12-07 18:13:21.044376	5	t
8	8	search	SQL	V8__search.sql	1216952758	postgres	2026-12-07 18:13:21.055066	4	t
9	9	governance	SQL	V9__governance.sql	1936413663	postgres	2026-12-07 18:13:21.064828	10	t
10	10	next deadline	SQL	V10__next_deadline.sql	-549973031	postgres	2026-12-07 18:13:21.086353	7	t
\.


--
-- Data for Name: governance_job; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.governance_job (name, claimed_by, claimed_until, last_started_at, last_ended_at, last_deleted, last_failed, last_swept) FROM stdin;
retention	\N	\N	\N	\N	0	0	0
\.


--
-- Data for Name: investigator_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.investigator_key (staff_id, fingerprint, public_armored, locked_secret, origin, created_on) FROM stdin;
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	E5DEFD88837C67E14F92D222FC3075F03389F374	-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEaxb3QhYJKwYBBAHaRw8BAQdAmfLD69bV5rNjBm22fVDF/uEP4ThHmBnnyeh8\nWIRFUrTCjQQfFgoANRahBOXe/YiDfGfhT5LSIvwwdfAzifN0BYJrFvdCApsBBQkJ\nZgGAAwsJBwMVCggDFgACAh4BAAoJEPwwdfAzifN0tG0A/RJxq/oPjke3A8BrV25m\n/i2942r8ax6Ws/PQrca0ktnuAQCHD2AemjCYTo5zssKaxxAVo1cD7MdUQ/Ys+5tR\nh+NDAM0NaW5lcyAoQ2FuZG9yKcKEBBMWCgAsFqEE5d79iIN8Z+FPktIi/DB18DOJ\n83QFgmsW90IDCwkHAxUKCAMWAAICHgEACgkQ/DB18DOJ83RlTgEA8Yhck0H1Zx46\nFNhk1HN1mKBcgIdie/WJoXb7eHMZh1gBAPjbL9RhCwux7sy4thJomOaTlFUpuwzv\nLqhG39UAH4sGzjgEaxb3QhIKKwYBBAGXVQEFAQEHQMX3vcJlG1ETTN7LyMOsFuzt\n4LAq+no372GGsodioeIoAwEIB8J4BBgWCgAgFqEE5d79iIN8Z+FPktIi/DB18DOJ\n83QFgmsW90ICmwwACgkQ/DB18DOJ83S6AwEAo3IqOwposdxXXOGO0S4XJDt2oabO\nVPx6rzBO3PmxKMEBAO+FtaqbPPTSPdB2Oj17kucG9w/YO4wtP1twuq5UWcME\n=a+oS\n-----END PGP PUBLIC KEY BLOCK-----\n	xZ8Eaxb3QhYJKwYBBAHaRw8BAQdAmfLD69bV5rNjBm22fVDF/uEP4ThHmBnnyeh8WIRFUrT9CQIEmGTHrkcg/JOXxSfZlBzt0AMEELbFSYfL4ZIR6Ot7bEb5LXVv5uamFoBsFpp2meSzPY0kOFhBt5yzWO89nVeQmtmUDD7K9XnPUgMGuA3f/Q7fmadOGryUIZYyQIRQBoaHVUfkZvak6lLCjQQfFgoANRahBOXe/YiDfGfhT5LSIvwwdfAzifN0BYJrFvdCApsBBQkJZgGAAwsJBwMVCggDFgACAh4BAAoJEPwwdfAzifN0tG0A/RJxq/oPjke3A8BrV25m/i2942r8ax6Ws/PQrca0ktnuAQCHD2AemjCYTo5zssKaxxAVo1cD7MdUQ/Ys+5tRh+NDAM0NaW5lcyAoQ2FuZG9yKcKEBBMWCgAsFqEE5d79iIN8Z+FPktIi/DB18DOJ83QFgmsW90IDCwkHAxUKCAMWAAICHgEACgkQ/DB18DOJ83RlTgEA8Yhck0H1Zx46FNhk1HN1mKBcgIdie/WJoXb7eHMZh1gBAPjbL9RhCwux7sy4thJomOaTlFUpuwzvLqhG39UAH4sGx6QEaxb3QhIKKwYBBAGXVQEFAQEHQMX3vcJlG1ETTN7LyMOsFuzt4LAq+no372GGsodioeIoAwEIB/0JAgTN3gAaYhk83J1kYHlylK9dAwQQ1oN0BtP4wVu+Pe4Ohl3d/jJLgxYLPDc7fbowKSgCJA/6dYKzFvsj1QZhjvPZVjhwT691mXDzM5QruUS2b/P3i1RwVwtJ167+1AIhWBZLyBep0KVmf8J4BBgWCgAgFqEE5d79iIN8Z+FPktIi/DB18DOJ83QFgmsW90ICmwwACgkQ/DB18DOJ83S6AwEAo3IqOwposdxXXOGO0S4XJDt2oabOVPx6rzBO3PmxKMEBAO+FtaqbPPTSPdB2Oj17kucG9w/YO4wtP1twuq5UWcME	GENERATED	2026-12-07
11fe017c-1af6-4584-b7a0-2e7b934438e0	689986848866932C4FD6B6E0815594B2906851B6	-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxjMEaxb3QxYJKwYBBAHaRw8BAQdAJJBO05E7DiDFzVFpVa7/8Olj/StX8HWGP+6T\ng709mBHCjQQfFgoANRahBGiZhoSIZpMsT9a24IFVlLKQaFG2BYJrFvdDApsBBQkJ\nZgGAAwsJBwMVCggDFgACAh4BAAoJEIFVlLKQaFG2PiwA/0y5E97yd0vAJsgmxcwC\nPsAQt9s6EZZePjmIt2r3ftqSAP9PDWm2755YfxVZ3afxsEhXGpiOCWRBEPCjA67z\nZQJDCM0Nb3R0byAoQ2FuZG9yKcKEBBMWCgAsFqEEaJmGhIhmkyxP1rbggVWUspBo\nUbYFgmsW90MDCwkHAxUKCAMWAAICHgEACgkQgVWUspBoUbbw1AEA790Kna8/okKX\nSSp7OHjgM1RMBQ9UrGL7KzU3uK9lis8BAJNxufXWo13Ne3mtqj2ap/gB78IbKcGP\nsxiArBVZqeILzjgEaxb3QxIKKwYBBAGXVQEFAQEHQEw3HJDgwPrkM9G2+nl2lGMP\nr3k5MyHcFZVbEk1JcTRwAwEIB8J4BBgWCgAgFqEEaJmGhIhmkyxP1rbggVWUspBo\nUbYFgmsW90MCmwwACgkQgVWUspBoUbbb4wD/XnI5O8qUUw+IhoWUGAr9wDBoYGrr\nJ4dHpHjjjdR3DBQBAPPPZqR/zec8oxViYXWYAfasIOWzdLJcv9b52iddzJwJ\n=a4fQ\n-----END PGP PUBLIC KEY BLOCK-----\n	xZ8Eaxb3QxYJKwYBBAHaRw8BAQdAJJBO05E7DiDFzVFpVa7/8Olj/StX8HWGP+6Tg709mBH9CQIEQffQj71N12nbqkOZEFnDJgMEEE5VB2ADbEzfkmcYdGig8RVF5grXwLjHkpX8UvEa6IpTg4E7QfaMQty4jPyywFrkPCBlWXqoVXVN47yYk5nCOhrV0arBlmlAMMqeGZd76UFNgbZc4hfCjQQfFgoANRahBGiZhoSIZpMsT9a24IFVlLKQaFG2BYJrFvdDApsBBQkJZgGAAwsJBwMVCggDFgACAh4BAAoJEIFVlLKQaFG2PiwA/0y5E97yd0vAJsgmxcwCPsAQt9s6EZZePjmIt2r3ftqSAP9PDWm2755YfxVZ3afxsEhXGpiOCWRBEPCjA67zZQJDCM0Nb3R0byAoQ2FuZG9yKcKEBBMWCgAsFqEEaJmGhIhmkyxP1rbggVWUspBoUbYFgmsW90MDCwkHAxUKCAMWAAICHgEACgkQgVWUspBoUbbw1AEA790Kna8/okKXSSp7OHjgM1RMBQ9UrGL7KzU3uK9lis8BAJNxufXWo13Ne3mtqj2ap/gB78IbKcGPsxiArBVZqeILx6QEaxb3QxIKKwYBBAGXVQEFAQEHQEw3HJDgwPrkM9G2+nl2lGMPr3k5MyHcFZVbEk1JcTRwAwEIB/0JAgRO9cibUZdjbULKiO8XneFvAwQQyPrVDtt+KoKumnCCkEbXBPa/PSdpFpqRDtcG74JS/LEyDW3pbTIpG2mJ8rCf8Yyyg9kV+hNEg/to1QK8Oa9Ol/lr98SvkOFxNaAv6cZfn7Q51SPa4sJ4BBgWCgAgFqEEaJmGhIhmkyxP1rbggVWUspBoUbYFgmsW90MCmwwACgkQgVWUspBoUbbb4wD/XnI5O8qUUw+IhoWUGAr9wDBoYGrrJ4dHpHjjjdR3DBQBAPPPZqR/zec8oxViYXWYAfasIOWzdLJcv9b52iddzJwJ	GENERATED	2026-12-07
\.


--
-- Data for Name: search_index; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.search_index (id, created_on, key_fingerprint) FROM stdin;
a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	2026-12-07	4d919dcd
\.


--
-- Data for Name: search_index_key; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.search_index_key (staff_id, index_id, sealed_key, created_on) FROM stdin;
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	wV4Dz1KQPLxsWDYSAQdADEXlYl+P92MgEoDGS0v13GmPFyPynBSccCNPS5YW7FUw62nsZzp6qaryyjNnmqPw9zgLv5Dc4TycK6Hu29emU4TSgorVcP3EYCadin9wG/460lEBqPv8YD9U62d3iysYXinL0xfgjswkcpYW5CNBu5Aghbx54F1qc4/f9wG1BzDjlSVjo9OX4Nln5+1+cP0e91JQqAV3AgGjNYoR/t+wmmtAfHQ=	2026-12-07
11fe017c-1af6-4584-b7a0-2e7b934438e0	a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	wV4DrKoAUeMA9zQSAQdAaisjuIDAt5yw5wks8l8TEGy/ZyzdY8iHk6Xe3t+DznUwkiQt2sgGNVkhEihECg7XhyC+SmN85YGgSNXMgnONNeuGF7JJVk2AFbeDzydK8Yc40lEBDl2coysGgqyYPfOXUY+HKWMhQ770SPON5Ev6cRP6B1i/yT9oP8EUD+Gap845t7Euwd1wIFti+8yeVvaLjH5wsVtZzaLpXbuPcCjC/2f9QLo=	2026-12-07
\.


--
-- Data for Name: search_indexed; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.search_indexed (case_id, index_id, item_count, status, labels) FROM stdin;
104e063c-da3f-4b47-85b4-79a97a5eaf04	a0ad28c4-1b9f-4282-8ac3-2df01fd11d9e	3	ACKNOWLEDGED	 
\.


--
-- Data for Name: setup_state; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.setup_state (id, completed) FROM stdin;
1	f
\.


--
-- Data for Name: setup_token; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.setup_token (token_hash, expires_at) FROM stdin;
233646a90b90b2b1c5f5110852f973135a0a29f59152bebb754f9b7d2174b690	2026-12-08 18:13:21.13558+00
fc1cf2d5915c822971985d9c6ae1faae5a33fe495f888e364126fb7a2919b131	2026-12-08 18:13:33.893579+00
\.


--
-- Data for Name: staff_invitation; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.staff_invitation (token_hash, role, invited_by, expires_at, accepted_by) FROM stdin;
\.


--
-- Data for Name: staff_member; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.staff_member (id, username, display_name, password_hash, enabled, created_on, totp_secret_sealed, totp_last_step, failed_sign_ins, throttled_until) FROM stdin;
11fe017c-1af6-4584-b7a0-2e7b934438e0	otto	otto	$argon2id$v=19$m=47104,t=1,p=1$OW+oEh4RJZGEe6BCNvpSYA$/QR/GxVLU2Nncc3mlolTsuiLoJQeQUlXWWi7wfHgz44	t	2026-12-07	\N	\N	0	\N
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	ines	ines	$argon2id$v=19$m=47104,t=1,p=1$DbrhXLhjQcKMShVyh8YIsw$fq0wLV/qc2mv+fqvt8scRnLfzfvykYgP4mz9tPrCFxI	t	2026-12-07	QCfLzWPIPjhQbXLVAyzF97D9MZo9ihVE20YUBvfqRE1D46M3h+eOe2WoRdLAP4JO	59888907	0	\N
\.


--
-- Data for Name: staff_recovery_code; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.staff_recovery_code (staff_id, code_hash) FROM stdin;
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	09c6a43f2084f76a3673c43818c959d11c865c4a4a97d4c38b0007e65f81b2e4
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	a5f282a86f8cd3117e2278e5e583c9996dbb50d70e03ba14dee279661fb33bd2
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	4ff84172a3d1eec370bbb5c3427de3f6419e90448a6316a602366b76e3b4bd37
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	a869d49fb1baab15249b1903289bfbd495af09ae98d7cdbd3ec6a0680909734d
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	5177a009c062342c75e3223f7656adf5db2698a20ca6bcea5f197737fabb329a
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	76d260934f313be3646474e6f5ccef5cd1a2c7250774f20b4bf10ca90bc9d406
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	32173250921b472072af5bd470a19223bea4c94425e6e9d132078b7e770bbb88
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	1f94e8bf89ada48c8f9aa6e684f6456ab87204e2e3b8f4618aaab3b0a7b6cc33
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	e659f694da8c9571cbf6a9258d39a027e00e97c078fcaa29f73bf0b52ea42893
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	0acd7deb9b747c6e47c24673fc9d3214547b3d4bd1ddd8212b4700a87cb3d6eb
\.


--
-- Data for Name: staff_role; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.staff_role (staff_id, role) FROM stdin;
00dc1bcc-a169-4cb1-8b22-b29a2c33fd4b	INVESTIGATOR
11fe017c-1af6-4584-b7a0-2e7b934438e0	INVESTIGATOR
\.


--
-- Name: appeal appeal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appeal
    ADD CONSTRAINT appeal_pkey PRIMARY KEY (case_id);


--
-- Name: audit_entry audit_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (seq);


--
-- Name: audit_head audit_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);


--
-- Name: case_file case_file_lookup_handle_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_file
    ADD CONSTRAINT case_file_lookup_handle_key UNIQUE (lookup_handle);


--
-- Name: case_file case_file_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_file
    ADD CONSTRAINT case_file_pkey PRIMARY KEY (id);


--
-- Name: case_item case_item_case_id_position_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_item
    ADD CONSTRAINT case_item_case_id_position_key UNIQUE (case_id, "position");


--
-- Name: case_item case_item_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_item
    ADD CONSTRAINT case_item_pkey PRIMARY KEY (id);


--
-- Name: case_label case_label_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_label
    ADD CONSTRAINT case_label_pkey PRIMARY KEY (case_id, label);


--
-- Name: case_recipient case_recipient_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_recipient
    ADD CONSTRAINT case_recipient_pkey PRIMARY KEY (case_id, staff_id);


--
-- Name: case_retention case_retention_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_retention
    ADD CONSTRAINT case_retention_pkey PRIMARY KEY (case_id);


--
-- Name: case_stats case_stats_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_stats
    ADD CONSTRAINT case_stats_pkey PRIMARY KEY (id);


--
-- Name: channel channel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel
    ADD CONSTRAINT channel_pkey PRIMARY KEY (id);


--
-- Name: channel_recipient channel_recipient_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_recipient
    ADD CONSTRAINT channel_recipient_pkey PRIMARY KEY (channel_id, staff_id);


--
-- Name: channel channel_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel
    ADD CONSTRAINT channel_slug_key UNIQUE (slug);


--
-- Name: channel_text channel_text_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_text
    ADD CONSTRAINT channel_text_pkey PRIMARY KEY (channel_id, language);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: governance_job governance_job_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.governance_job
    ADD CONSTRAINT governance_job_pkey PRIMARY KEY (name);


--
-- Name: investigator_key investigator_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.investigator_key
    ADD CONSTRAINT investigator_key_pkey PRIMARY KEY (staff_id);


--
-- Name: search_index_key search_index_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_index_key
    ADD CONSTRAINT search_index_key_pkey PRIMARY KEY (staff_id);


--
-- Name: search_index search_index_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_index
    ADD CONSTRAINT search_index_pkey PRIMARY KEY (id);


--
-- Name: search_indexed search_indexed_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_indexed
    ADD CONSTRAINT search_indexed_pkey PRIMARY KEY (case_id);


--
-- Name: setup_state setup_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.setup_state
    ADD CONSTRAINT setup_state_pkey PRIMARY KEY (id);


--
-- Name: setup_token setup_token_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.setup_token
    ADD CONSTRAINT setup_token_pkey PRIMARY KEY (token_hash);


--
-- Name: staff_invitation staff_invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_invitation
    ADD CONSTRAINT staff_invitation_pkey PRIMARY KEY (token_hash);


--
-- Name: staff_member staff_member_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_member
    ADD CONSTRAINT staff_member_pkey PRIMARY KEY (id);


--
-- Name: staff_member staff_member_username_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_member
    ADD CONSTRAINT staff_member_username_key UNIQUE (username);


--
-- Name: staff_recovery_code staff_recovery_code_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_recovery_code
    ADD CONSTRAINT staff_recovery_code_pkey PRIMARY KEY (staff_id, code_hash);


--
-- Name: staff_role staff_role_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_role
    ADD CONSTRAINT staff_role_pkey PRIMARY KEY (staff_id, role);


--
-- Name: appeal_by_state; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX appeal_by_state ON public.appeal USING btree (state, filed_on);


--
-- Name: audit_entry_action; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_action ON public.audit_entry USING btree (action);


--
-- Name: audit_entry_recorded_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX audit_entry_recorded_at ON public.audit_entry USING btree (recorded_at);


--
-- Name: case_file_by_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_channel ON public.case_file USING btree (channel_id, status, received_on);


--
-- Name: case_file_by_next_deadline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_next_deadline ON public.case_file USING btree (next_deadline_on, received_on, id);


--
-- Name: case_file_by_received; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_received ON public.case_file USING btree (received_on, id);


--
-- Name: case_file_by_retention; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_retention ON public.case_file USING btree (channel_id, concluded_on, last_activity_on);


--
-- Name: case_file_by_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_status ON public.case_file USING btree (status, received_on);


--
-- Name: case_file_by_status_next_deadline; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_file_by_status_next_deadline ON public.case_file USING btree (status, next_deadline_on, received_on, id);


--
-- Name: case_label_by_label; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_label_by_label ON public.case_label USING btree (label, case_id);


--
-- Name: case_recipient_by_staff; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_recipient_by_staff ON public.case_recipient USING btree (staff_id);


--
-- Name: case_recipient_by_staff_case; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_recipient_by_staff_case ON public.case_recipient USING btree (staff_id, case_id);


--
-- Name: case_retention_by_hold; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_retention_by_hold ON public.case_retention USING btree (legal_hold);


--
-- Name: case_stats_by_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX case_stats_by_channel ON public.case_stats USING btree (channel_id, received_quarter);


--
-- Name: channel_recipient_staff; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX channel_recipient_staff ON public.channel_recipient USING btree (staff_id);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: appeal appeal_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.appeal
    ADD CONSTRAINT appeal_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.case_file(id) ON DELETE CASCADE;


--
-- Name: case_file case_file_channel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_file
    ADD CONSTRAINT case_file_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES public.channel(id);


--
-- Name: case_item case_item_author_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_item
    ADD CONSTRAINT case_item_author_staff_id_fkey FOREIGN KEY (author_staff_id) REFERENCES public.staff_member(id);


--
-- Name: case_item case_item_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_item
    ADD CONSTRAINT case_item_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.case_file(id) ON DELETE CASCADE;


--
-- Name: case_label case_label_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_label
    ADD CONSTRAINT case_label_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.case_file(id) ON DELETE CASCADE;


--
-- Name: case_recipient case_recipient_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_recipient
    ADD CONSTRAINT case_recipient_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.case_file(id) ON DELETE CASCADE;


--
-- Name: case_recipient case_recipient_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_recipient
    ADD CONSTRAINT case_recipient_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff_member(id);


--
-- Name: case_retention case_retention_case_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_retention
    ADD CONSTRAINT case_retention_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.case_file(id) ON DELETE CASCADE;


--
-- Name: case_stats case_stats_channel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.case_stats
    ADD CONSTRAINT case_stats_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES public.channel(id);


--
-- Name: channel_recipient channel_recipient_channel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_recipient
    ADD CONSTRAINT channel_recipient_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES public.channel(id) ON DELETE CASCADE;


--
-- Name: channel_text channel_text_channel_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_text
    ADD CONSTRAINT channel_text_channel_id_fkey FOREIGN KEY (channel_id) REFERENCES public.channel(id) ON DELETE CASCADE;


--
-- Name: investigator_key investigator_key_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.investigator_key
    ADD CONSTRAINT investigator_key_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff_member(id) ON DELETE CASCADE;


--
-- Name: search_index_key search_index_key_index_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_index_key
    ADD CONSTRAINT search_index_key_index_id_fkey FOREIGN KEY (index_id) REFERENCES public.search_index(id) ON DELETE CASCADE;


--
-- Name: search_index_key search_index_key_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.search_index_key
    ADD CONSTRAINT search_index_key_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff_member(id) ON DELETE CASCADE;


--
-- Name: staff_invitation staff_invitation_accepted_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_invitation
    ADD CONSTRAINT staff_invitation_accepted_by_fkey FOREIGN KEY (accepted_by) REFERENCES public.staff_member(id);


--
-- Name: staff_invitation staff_invitation_invited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_invitation
    ADD CONSTRAINT staff_invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.staff_member(id);


--
-- Name: staff_recovery_code staff_recovery_code_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_recovery_code
    ADD CONSTRAINT staff_recovery_code_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff_member(id) ON DELETE CASCADE;


--
-- Name: staff_role staff_role_staff_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.staff_role
    ADD CONSTRAINT staff_role_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES public.staff_member(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict MhqJKA1hIt2lsa6ILhLi9mWLydadHVhNH6O7dyhIAkwIWpOs1kMUpK2LMSrPveC

