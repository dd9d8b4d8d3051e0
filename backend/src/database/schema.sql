-- Generated from the migrations by `npm run schema:update -w backend`; do not edit.

-- Extensions
pg_trgm
uuid-ossp

-- Tables
adviser_assessments.case_id uuid NOT NULL
adviser_assessments.created_at timestamp with time zone NOT NULL DEFAULT now()
adviser_assessments.disclosure text
adviser_assessments.id uuid NOT NULL DEFAULT uuidv7()
adviser_assessments.organisation_id uuid NOT NULL
adviser_assessments.trust smallint
adviser_assessments.updated_at timestamp with time zone NOT NULL DEFAULT now()
adviser_assessments.version integer NOT NULL DEFAULT 1
audit_chain_heads.hash bytea NOT NULL
audit_chain_heads.organisation_id uuid NOT NULL
audit_chain_heads.seq bigint NOT NULL
audit_log.action text NOT NULL
audit_log.at timestamp with time zone NOT NULL DEFAULT clock_timestamp()
audit_log.chain_seq bigint NOT NULL
audit_log.details jsonb
audit_log.entity text
audit_log.entity_ids text[] NOT NULL DEFAULT '{}'::text[]
audit_log.hash bytea NOT NULL
audit_log.id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
audit_log.ip text
audit_log.organisation_id uuid
audit_log.prev_hash bytea NOT NULL
audit_log.user_id uuid
audit_pending.action text NOT NULL
audit_pending.details jsonb
audit_pending.entity text
audit_pending.entity_ids text[] NOT NULL DEFAULT '{}'::text[]
audit_pending.id bigint NOT NULL GENERATED ALWAYS AS IDENTITY
audit_pending.ip text
audit_pending.organisation_id uuid
audit_pending.user_id uuid
case_documents.case_id uuid NOT NULL
case_documents.content bytea NOT NULL
case_documents.content_type text NOT NULL
case_documents.created_at timestamp with time zone NOT NULL DEFAULT now()
case_documents.file_name text NOT NULL
case_documents.id uuid NOT NULL DEFAULT uuidv7()
case_documents.organisation_id uuid NOT NULL
case_documents.sha256 text NOT NULL
case_documents.size_bytes integer NOT NULL
case_documents.source text NOT NULL
case_documents.updated_at timestamp with time zone NOT NULL DEFAULT now()
case_documents.uploaded_by_id uuid NOT NULL
case_documents.version integer NOT NULL DEFAULT 1
case_facts.accepted boolean
case_facts.appeal text
case_facts.appeal_not_pursued_reason text
case_facts.arrival_route text NOT NULL
case_facts.band smallint NOT NULL GENERATED ALWAYS AS (
CASE
    WHEN (relationship_minutes < 60) THEN 0
    WHEN (relationship_minutes < 120) THEN 1
    WHEN (relationship_minutes < 240) THEN 2
    WHEN (relationship_minutes < 480) THEN 3
    ELSE 4
END) STORED
case_facts.benefit_amounts_gbp numeric[] NOT NULL DEFAULT '{}'::numeric[]
case_facts.benefit_types text[] NOT NULL
case_facts.case_id uuid NOT NULL
case_facts.case_referrals_out integer NOT NULL
case_facts.category text NOT NULL
case_facts.closed_on date
case_facts.confidence_after smallint
case_facts.confidence_before smallint
case_facts.could_handle_similar boolean
case_facts.disclosure text
case_facts.evidence_consent boolean NOT NULL
case_facts.feedback_items_n integer NOT NULL
case_facts.feedback_score_sum integer NOT NULL
case_facts.first_contact_on date NOT NULL
case_facts.first_relationship_on date
case_facts.followed_up boolean NOT NULL
case_facts.funding_stream text NOT NULL
case_facts.lead_adviser_id uuid NOT NULL
case_facts.lead_relationship_minutes integer NOT NULL
case_facts.new_problem_at_follow_up boolean NOT NULL DEFAULT false
case_facts.office_id uuid
case_facts.opened_on date NOT NULL
case_facts.organisation_id uuid NOT NULL
case_facts.outcome_sustained boolean
case_facts.prior_organisations_contacted smallint
case_facts.problems_client_declined integer NOT NULL DEFAULT 0
case_facts.problems_count integer NOT NULL
case_facts.problems_handled_in_house integer NOT NULL DEFAULT 0
case_facts.problems_lost_contact integer NOT NULL DEFAULT 0
case_facts.problems_negative integer NOT NULL DEFAULT 0
case_facts.problems_partly_positive integer NOT NULL DEFAULT 0
case_facts.problems_positive integer NOT NULL DEFAULT 0
case_facts.problems_referred_warm integer NOT NULL DEFAULT 0
case_facts.problems_relationship_minutes integer NOT NULL DEFAULT 0
case_facts.problems_relationship_minutes_sq bigint NOT NULL DEFAULT 0
case_facts.problems_signposted integer NOT NULL DEFAULT 0
case_facts.problems_withdrawn integer NOT NULL DEFAULT 0
case_facts.referrals_out integer NOT NULL
case_facts.referrals_out_known integer NOT NULL
case_facts.referrals_out_reached integer NOT NULL
case_facts.relationship_minutes integer NOT NULL
case_facts.result text
case_facts.retelling_item_n integer NOT NULL DEFAULT 0
case_facts.retelling_item_sum integer NOT NULL DEFAULT 0
case_facts.same_problem_recontact_6m boolean NOT NULL
case_facts.times_told_story_before smallint
case_facts.total_minutes integer NOT NULL
case_facts.trust smallint
case_facts.understood smallint
case_facts.vulnerabilities text[] NOT NULL
case_facts.vulnerability_count smallint NOT NULL
case_facts.would_seek_advice_earlier boolean
case_fee_minute_rollups.category text NOT NULL
case_fee_minute_rollups.closed_month date NOT NULL
case_fee_minute_rollups.dim text NOT NULL
case_fee_minute_rollups.dim_value text NOT NULL
case_fee_minute_rollups.evidence_consent boolean NOT NULL
case_fee_minute_rollups.n integer NOT NULL
case_fee_minute_rollups.organisation_id uuid NOT NULL
case_fee_minute_rollups.total_minutes integer NOT NULL
case_fee_rollups.beyond_cases bigint NOT NULL
case_fee_rollups.beyond_n bigint NOT NULL
case_fee_rollups.beyond_positive bigint NOT NULL
case_fee_rollups.cases bigint NOT NULL
case_fee_rollups.category text NOT NULL
case_fee_rollups.closed_month date NOT NULL
case_fee_rollups.dim text NOT NULL
case_fee_rollups.dim_value text NOT NULL
case_fee_rollups.escape_count bigint NOT NULL
case_fee_rollups.escape_n bigint NOT NULL
case_fee_rollups.evidence_consent boolean NOT NULL
case_fee_rollups.fee_from date NOT NULL
case_fee_rollups.hour integer NOT NULL
case_fee_rollups.minutes bigint NOT NULL
case_fee_rollups.organisation_id uuid NOT NULL
case_fee_rollups.within_cases bigint NOT NULL
case_fee_rollups.within_n bigint NOT NULL
case_fee_rollups.within_positive bigint NOT NULL
case_legal_aid.access_point text
case_legal_aid.case_id uuid NOT NULL
case_legal_aid.category_of_law text NOT NULL
case_legal_aid.client_postcode text
case_legal_aid.counsel_costs_gbp numeric(12,2)
case_legal_aid.created_at timestamp with time zone NOT NULL DEFAULT now()
case_legal_aid.disbursements_gbp numeric(12,2)
case_legal_aid.disbursements_vat_gbp numeric(12,2)
case_legal_aid.exemption_criteria text
case_legal_aid.fee_code text
case_legal_aid.id uuid NOT NULL DEFAULT uuidv7()
case_legal_aid.matter_type_1 text
case_legal_aid.matter_type_2 text
case_legal_aid.organisation_id uuid NOT NULL
case_legal_aid.outcome_code text
case_legal_aid.procurement_area text
case_legal_aid.stage_reached text
case_legal_aid.ufn text
case_legal_aid.updated_at timestamp with time zone NOT NULL DEFAULT now()
case_legal_aid.version integer NOT NULL DEFAULT 1
case_measure_rollups.accepted_count bigint NOT NULL
case_measure_rollups.accepted_n bigint NOT NULL
case_measure_rollups.accepted_scope bigint NOT NULL
case_measure_rollups.accepted_unknown bigint NOT NULL
case_measure_rollups.avoided_appeal_count bigint NOT NULL
case_measure_rollups.avoided_appeal_n bigint NOT NULL
case_measure_rollups.avoided_appeal_overall_count bigint NOT NULL
case_measure_rollups.avoided_appeal_overall_n bigint NOT NULL
case_measure_rollups.avoided_appeal_overall_scope bigint NOT NULL
case_measure_rollups.avoided_appeal_overall_unknown bigint NOT NULL
case_measure_rollups.avoided_appeal_scope bigint NOT NULL
case_measure_rollups.avoided_appeal_unknown bigint NOT NULL
case_measure_rollups.bounce_back_count bigint NOT NULL
case_measure_rollups.bounce_back_n bigint NOT NULL
case_measure_rollups.bounce_back_scope bigint NOT NULL
case_measure_rollups.bounce_back_unknown bigint NOT NULL
case_measure_rollups.bounce_in_0 bigint NOT NULL
case_measure_rollups.bounce_in_1 bigint NOT NULL
case_measure_rollups.bounce_in_2 bigint NOT NULL
case_measure_rollups.bounce_in_3 bigint NOT NULL
case_measure_rollups.bounce_in_unknown bigint NOT NULL
case_measure_rollups.bounce_out_count bigint NOT NULL
case_measure_rollups.bounce_out_n bigint NOT NULL
case_measure_rollups.bounce_out_scope bigint NOT NULL
case_measure_rollups.bounce_out_unknown bigint NOT NULL
case_measure_rollups.closed_on date NOT NULL
case_measure_rollups.confidence_change_n bigint NOT NULL
case_measure_rollups.confidence_change_sum bigint NOT NULL
case_measure_rollups.confidence_change_sumsq bigint NOT NULL
case_measure_rollups.confidence_improved_count bigint NOT NULL
case_measure_rollups.confidence_improved_n bigint NOT NULL
case_measure_rollups.confidence_improved_scope bigint NOT NULL
case_measure_rollups.confidence_improved_unknown bigint NOT NULL
case_measure_rollups.continuity_n bigint NOT NULL
case_measure_rollups.continuity_sum numeric NOT NULL
case_measure_rollups.could_handle_similar_count bigint NOT NULL
case_measure_rollups.could_handle_similar_n bigint NOT NULL
case_measure_rollups.could_handle_similar_scope bigint NOT NULL
case_measure_rollups.could_handle_similar_unknown bigint NOT NULL
case_measure_rollups.did_not_repeat_story_n bigint NOT NULL
case_measure_rollups.did_not_repeat_story_sum numeric NOT NULL
case_measure_rollups.did_not_repeat_story_sumsq numeric NOT NULL
case_measure_rollups.dim text NOT NULL
case_measure_rollups.dim_value text NOT NULL
case_measure_rollups.first_contact_n bigint NOT NULL
case_measure_rollups.full_disclosure_count bigint NOT NULL
case_measure_rollups.full_disclosure_n bigint NOT NULL
case_measure_rollups.full_disclosure_scope bigint NOT NULL
case_measure_rollups.full_disclosure_unknown bigint NOT NULL
case_measure_rollups.n_closed bigint NOT NULL
case_measure_rollups.new_problem_at_follow_up_count bigint NOT NULL
case_measure_rollups.new_problem_at_follow_up_n bigint NOT NULL
case_measure_rollups.new_problem_at_follow_up_scope bigint NOT NULL
case_measure_rollups.new_problem_at_follow_up_unknown bigint NOT NULL
case_measure_rollups.organisation_id uuid NOT NULL
case_measure_rollups.outcome_sustained_count bigint NOT NULL
case_measure_rollups.outcome_sustained_n bigint NOT NULL
case_measure_rollups.outcome_sustained_scope bigint NOT NULL
case_measure_rollups.outcome_sustained_unknown bigint NOT NULL
case_measure_rollups.positive_outcome_count bigint NOT NULL
case_measure_rollups.positive_outcome_n bigint NOT NULL
case_measure_rollups.positive_outcome_scope bigint NOT NULL
case_measure_rollups.positive_outcome_unknown bigint NOT NULL
case_measure_rollups.problem_uncovered_count bigint NOT NULL
case_measure_rollups.problem_uncovered_n bigint NOT NULL
case_measure_rollups.problem_uncovered_scope bigint NOT NULL
case_measure_rollups.problem_uncovered_unknown bigint NOT NULL
case_measure_rollups.problems bigint NOT NULL
case_measure_rollups.problems_client_declined bigint NOT NULL
case_measure_rollups.problems_client_declined_case_cross bigint NOT NULL
case_measure_rollups.problems_client_declined_case_sumsq bigint NOT NULL
case_measure_rollups.problems_handled_in_house bigint NOT NULL
case_measure_rollups.problems_handled_in_house_case_cross bigint NOT NULL
case_measure_rollups.problems_handled_in_house_case_sumsq bigint NOT NULL
case_measure_rollups.problems_referred_warm bigint NOT NULL
case_measure_rollups.problems_referred_warm_case_cross bigint NOT NULL
case_measure_rollups.problems_referred_warm_case_sumsq bigint NOT NULL
case_measure_rollups.problems_result_known_cases bigint NOT NULL
case_measure_rollups.problems_result_known_countsq bigint NOT NULL
case_measure_rollups.problems_result_lost_contact bigint NOT NULL
case_measure_rollups.problems_result_lost_contact_case_cross bigint NOT NULL
case_measure_rollups.problems_result_lost_contact_case_sumsq bigint NOT NULL
case_measure_rollups.problems_result_negative bigint NOT NULL
case_measure_rollups.problems_result_negative_case_cross bigint NOT NULL
case_measure_rollups.problems_result_negative_case_sumsq bigint NOT NULL
case_measure_rollups.problems_result_partly_positive bigint NOT NULL
case_measure_rollups.problems_result_partly_positive_case_cross bigint NOT NULL
case_measure_rollups.problems_result_partly_positive_case_sumsq bigint NOT NULL
case_measure_rollups.problems_result_positive bigint NOT NULL
case_measure_rollups.problems_result_positive_case_cross bigint NOT NULL
case_measure_rollups.problems_result_positive_case_sumsq bigint NOT NULL
case_measure_rollups.problems_result_unknown bigint NOT NULL
case_measure_rollups.problems_result_withdrawn bigint NOT NULL
case_measure_rollups.problems_result_withdrawn_case_cross bigint NOT NULL
case_measure_rollups.problems_result_withdrawn_case_sumsq bigint NOT NULL
case_measure_rollups.problems_signposted bigint NOT NULL
case_measure_rollups.problems_signposted_case_cross bigint NOT NULL
case_measure_rollups.problems_signposted_case_sumsq bigint NOT NULL
case_measure_rollups.problems_time_before bigint NOT NULL
case_measure_rollups.problems_time_before_case_countsq bigint NOT NULL
case_measure_rollups.problems_time_before_case_cross bigint NOT NULL
case_measure_rollups.problems_time_before_case_sumsq bigint NOT NULL
case_measure_rollups.problems_time_before_cases bigint NOT NULL
case_measure_rollups.problems_time_before_sumsq bigint NOT NULL
case_measure_rollups.referral_completion_count bigint NOT NULL
case_measure_rollups.referral_completion_n bigint NOT NULL
case_measure_rollups.referral_completion_scope bigint NOT NULL
case_measure_rollups.referral_completion_unknown bigint NOT NULL
case_measure_rollups.relationship_minutes bigint NOT NULL
case_measure_rollups.relationship_share_n bigint NOT NULL
case_measure_rollups.relationship_share_sum numeric NOT NULL
case_measure_rollups.rqi_items bigint NOT NULL
case_measure_rollups.rqi_n bigint NOT NULL
case_measure_rollups.rqi_sum numeric NOT NULL
case_measure_rollups.rqi_sumsq numeric NOT NULL
case_measure_rollups.seen_within_10 bigint NOT NULL
case_measure_rollups.seen_within_2 bigint NOT NULL
case_measure_rollups.told_story_0 bigint NOT NULL
case_measure_rollups.told_story_1 bigint NOT NULL
case_measure_rollups.told_story_2 bigint NOT NULL
case_measure_rollups.told_story_3 bigint NOT NULL
case_measure_rollups.told_story_unknown bigint NOT NULL
case_measure_rollups.trust_n bigint NOT NULL
case_measure_rollups.trust_sum bigint NOT NULL
case_measure_rollups.trust_sumsq bigint NOT NULL
case_measure_rollups.understood_n bigint NOT NULL
case_measure_rollups.understood_sum bigint NOT NULL
case_measure_rollups.understood_sumsq bigint NOT NULL
case_measure_rollups.would_seek_advice_earlier_count bigint NOT NULL
case_measure_rollups.would_seek_advice_earlier_n bigint NOT NULL
case_measure_rollups.would_seek_advice_earlier_scope bigint NOT NULL
case_measure_rollups.would_seek_advice_earlier_unknown bigint NOT NULL
case_note_revisions.body text NOT NULL
case_note_revisions.case_id uuid NOT NULL
case_note_revisions.created_at timestamp with time zone NOT NULL DEFAULT now()
case_note_revisions.id uuid NOT NULL DEFAULT uuidv7()
case_note_revisions.kind text NOT NULL
case_note_revisions.note_id uuid NOT NULL
case_note_revisions.on date NOT NULL
case_note_revisions.organisation_id uuid NOT NULL
case_note_revisions.revision integer NOT NULL
case_note_revisions.time_entry_id uuid
case_note_revisions.updated_at timestamp with time zone NOT NULL DEFAULT now()
case_note_revisions.version integer NOT NULL DEFAULT 1
case_note_revisions.written_at timestamp with time zone NOT NULL DEFAULT now()
case_note_revisions.written_by_id uuid NOT NULL
case_notes.author_id uuid NOT NULL
case_notes.body text NOT NULL
case_notes.case_id uuid NOT NULL
case_notes.created_at timestamp with time zone NOT NULL DEFAULT now()
case_notes.edited_by_id uuid
case_notes.id uuid NOT NULL DEFAULT uuidv7()
case_notes.kind text NOT NULL
case_notes.on date NOT NULL
case_notes.organisation_id uuid NOT NULL
case_notes.time_entry_id uuid
case_notes.updated_at timestamp with time zone NOT NULL DEFAULT now()
case_notes.version integer NOT NULL DEFAULT 1
case_parties.case_id uuid NOT NULL
case_parties.contact text
case_parties.created_at timestamp with time zone NOT NULL DEFAULT now()
case_parties.date_of_birth date
case_parties.id uuid NOT NULL DEFAULT uuidv7()
case_parties.kind text NOT NULL
case_parties.language text
case_parties.name text NOT NULL
case_parties.note text
case_parties.opponent_type text
case_parties.organisation_id uuid NOT NULL
case_parties.pass_phrase text
case_parties.postcode_district text
case_parties.reference text
case_parties.relationship text
case_parties.role text NOT NULL
case_parties.updated_at timestamp with time zone NOT NULL DEFAULT now()
case_parties.version integer NOT NULL DEFAULT 1
case_pattern_rollups.category text NOT NULL
case_pattern_rollups.dim text NOT NULL
case_pattern_rollups.dim_value text NOT NULL
case_pattern_rollups.evidence_consent boolean NOT NULL
case_pattern_rollups.funding_stream text NOT NULL
case_pattern_rollups.minutes integer NOT NULL
case_pattern_rollups.n_accept_asked integer NOT NULL
case_pattern_rollups.n_accepted integer NOT NULL
case_pattern_rollups.n_bounce_back integer NOT NULL
case_pattern_rollups.n_closed integer NOT NULL
case_pattern_rollups.n_followed_up integer NOT NULL
case_pattern_rollups.n_negative_appeal_known integer NOT NULL
case_pattern_rollups.n_negative_avoided integer NOT NULL
case_pattern_rollups.n_positive integer NOT NULL
case_pattern_rollups.n_uncovered integer NOT NULL
case_pattern_rollups.n_with_result integer NOT NULL
case_pattern_rollups.organisation_id uuid NOT NULL
case_pattern_rollups.vulnerability_count smallint NOT NULL
case_pricing_rollups.avoided_appeal bigint NOT NULL
case_pricing_rollups.band smallint NOT NULL
case_pricing_rollups.benefit_benefit_awarded_cases bigint NOT NULL
case_pricing_rollups.benefit_benefit_awarded_gbp numeric NOT NULL
case_pricing_rollups.benefit_benefit_awarded_without bigint NOT NULL
case_pricing_rollups.benefit_benefit_reinstated_cases bigint NOT NULL
case_pricing_rollups.benefit_benefit_reinstated_gbp numeric NOT NULL
case_pricing_rollups.benefit_benefit_reinstated_without bigint NOT NULL
case_pricing_rollups.benefit_care_package_secured_cases bigint NOT NULL
case_pricing_rollups.benefit_care_package_secured_gbp numeric NOT NULL
case_pricing_rollups.benefit_care_package_secured_without bigint NOT NULL
case_pricing_rollups.benefit_debt_made_manageable_cases bigint NOT NULL
case_pricing_rollups.benefit_debt_made_manageable_gbp numeric NOT NULL
case_pricing_rollups.benefit_debt_made_manageable_without bigint NOT NULL
case_pricing_rollups.benefit_debt_written_off_cases bigint NOT NULL
case_pricing_rollups.benefit_debt_written_off_gbp numeric NOT NULL
case_pricing_rollups.benefit_debt_written_off_without bigint NOT NULL
case_pricing_rollups.benefit_employment_kept_cases bigint NOT NULL
case_pricing_rollups.benefit_employment_kept_gbp numeric NOT NULL
case_pricing_rollups.benefit_employment_kept_without bigint NOT NULL
case_pricing_rollups.benefit_eviction_avoided_cases bigint NOT NULL
case_pricing_rollups.benefit_eviction_avoided_gbp numeric NOT NULL
case_pricing_rollups.benefit_eviction_avoided_without bigint NOT NULL
case_pricing_rollups.benefit_home_kept_cases bigint NOT NULL
case_pricing_rollups.benefit_home_kept_gbp numeric NOT NULL
case_pricing_rollups.benefit_home_kept_without bigint NOT NULL
case_pricing_rollups.benefit_immigration_status_secured_cases bigint NOT NULL
case_pricing_rollups.benefit_immigration_status_secured_gbp numeric NOT NULL
case_pricing_rollups.benefit_immigration_status_secured_without bigint NOT NULL
case_pricing_rollups.benefit_other_cases bigint NOT NULL
case_pricing_rollups.benefit_other_gbp numeric NOT NULL
case_pricing_rollups.benefit_other_without bigint NOT NULL
case_pricing_rollups.bounce_back_avoided bigint NOT NULL
case_pricing_rollups.cases bigint NOT NULL
case_pricing_rollups.category text NOT NULL
case_pricing_rollups.closed_month date NOT NULL
case_pricing_rollups.dim text NOT NULL
case_pricing_rollups.dim_value text NOT NULL
case_pricing_rollups.evidence_consent boolean NOT NULL
case_pricing_rollups.organisation_id uuid NOT NULL
case_pricing_rollups.pack_accepted_count bigint NOT NULL
case_pricing_rollups.pack_accepted_n bigint NOT NULL
case_pricing_rollups.pack_avoidedappeal_count bigint NOT NULL
case_pricing_rollups.pack_avoidedappeal_n bigint NOT NULL
case_pricing_rollups.pack_bounceback_count bigint NOT NULL
case_pricing_rollups.pack_bounceback_n bigint NOT NULL
case_pricing_rollups.pack_bouncein_n bigint NOT NULL
case_pricing_rollups.pack_bouncein_sum numeric NOT NULL
case_pricing_rollups.pack_bounceout_count bigint NOT NULL
case_pricing_rollups.pack_bounceout_n bigint NOT NULL
case_pricing_rollups.pack_bounceout_unknown bigint NOT NULL
case_pricing_rollups.pack_confidencechange_n bigint NOT NULL
case_pricing_rollups.pack_confidencechange_sum numeric NOT NULL
case_pricing_rollups.pack_confidenceimproved_count bigint NOT NULL
case_pricing_rollups.pack_confidenceimproved_n bigint NOT NULL
case_pricing_rollups.pack_confidenceimproved_unknown bigint NOT NULL
case_pricing_rollups.pack_continuity_n bigint NOT NULL
case_pricing_rollups.pack_continuity_sum numeric NOT NULL
case_pricing_rollups.pack_couldhandlesimilar_count bigint NOT NULL
case_pricing_rollups.pack_couldhandlesimilar_n bigint NOT NULL
case_pricing_rollups.pack_couldhandlesimilar_unknown bigint NOT NULL
case_pricing_rollups.pack_didnotrepeatstory_n bigint NOT NULL
case_pricing_rollups.pack_didnotrepeatstory_sum numeric NOT NULL
case_pricing_rollups.pack_fulldisclosure_count bigint NOT NULL
case_pricing_rollups.pack_fulldisclosure_n bigint NOT NULL
case_pricing_rollups.pack_fulldisclosure_unknown bigint NOT NULL
case_pricing_rollups.pack_negative bigint NOT NULL
case_pricing_rollups.pack_newproblematfollowup_count bigint NOT NULL
case_pricing_rollups.pack_newproblematfollowup_n bigint NOT NULL
case_pricing_rollups.pack_newproblematfollowup_unknown bigint NOT NULL
case_pricing_rollups.pack_outcomesustained_count bigint NOT NULL
case_pricing_rollups.pack_outcomesustained_n bigint NOT NULL
case_pricing_rollups.pack_outcomesustained_unknown bigint NOT NULL
case_pricing_rollups.pack_positiveoutcome_count bigint NOT NULL
case_pricing_rollups.pack_positiveoutcome_n bigint NOT NULL
case_pricing_rollups.pack_problemuncovered_count bigint NOT NULL
case_pricing_rollups.pack_problemuncovered_n bigint NOT NULL
case_pricing_rollups.pack_referralcompletion_count bigint NOT NULL
case_pricing_rollups.pack_referralcompletion_n bigint NOT NULL
case_pricing_rollups.pack_referralcompletion_unknown bigint NOT NULL
case_pricing_rollups.pack_rqi_n bigint NOT NULL
case_pricing_rollups.pack_rqi_sum numeric NOT NULL
case_pricing_rollups.pack_trust_n bigint NOT NULL
case_pricing_rollups.pack_trust_sum numeric NOT NULL
case_pricing_rollups.pack_understood_n bigint NOT NULL
case_pricing_rollups.pack_understood_sum numeric NOT NULL
case_pricing_rollups.pack_wouldseekadviceearlier_count bigint NOT NULL
case_pricing_rollups.pack_wouldseekadviceearlier_n bigint NOT NULL
case_pricing_rollups.pack_wouldseekadviceearlier_unknown bigint NOT NULL
case_pricing_rollups.relationship_minutes bigint NOT NULL
case_pricing_rollups.total_minutes bigint NOT NULL
case_rollups.band smallint NOT NULL
case_rollups.closed_on date NOT NULL
case_rollups.dim text NOT NULL
case_rollups.dim_value text NOT NULL
case_rollups.n_accept_asked integer NOT NULL
case_rollups.n_accepted integer NOT NULL
case_rollups.n_bounce_back integer NOT NULL
case_rollups.n_closed integer NOT NULL
case_rollups.n_followed_up integer NOT NULL
case_rollups.n_negative_appeal_known integer NOT NULL
case_rollups.n_negative_avoided integer NOT NULL
case_rollups.n_positive integer NOT NULL
case_rollups.n_uncovered integer NOT NULL
case_rollups.n_with_result integer NOT NULL
case_rollups.organisation_id uuid NOT NULL
case_value_rollups.closed_month date NOT NULL
case_value_rollups.dim text NOT NULL
case_value_rollups.dim_value text NOT NULL
case_value_rollups.measure text NOT NULL
case_value_rollups.n integer NOT NULL
case_value_rollups.organisation_id uuid NOT NULL
case_value_rollups.value integer NOT NULL
cases.arrival_route text NOT NULL
cases.category text NOT NULL
cases.client_id uuid NOT NULL
cases.closed_on date
cases.confidence_at_intake smallint
cases.created_at timestamp with time zone NOT NULL DEFAULT now()
cases.first_contact_on date
cases.funding_stream text NOT NULL
cases.id uuid NOT NULL DEFAULT uuidv7()
cases.lead_adviser_id uuid NOT NULL
cases.office_id uuid
cases.opened_on date NOT NULL
cases.organisation_id uuid NOT NULL
cases.prior_organisations_contacted smallint
cases.ref text NOT NULL
cases.referrer_partner_id uuid
cases.subcategory text
cases.times_told_story_before smallint
cases.updated_at timestamp with time zone NOT NULL DEFAULT now()
cases.version integer NOT NULL DEFAULT 1
clients.bsl boolean NOT NULL DEFAULT false
clients.contact_note text
clients.created_at timestamp with time zone NOT NULL DEFAULT now()
clients.date_of_birth date
clients.email text
clients.equality_disability text
clients.equality_ethnicity text
clients.equality_gender text
clients.erased_at timestamp with time zone
clients.evidence_consent boolean NOT NULL DEFAULT false
clients.first_name text
clients.id uuid NOT NULL DEFAULT uuidv7()
clients.interpreter_language text
clients.large_print boolean NOT NULL DEFAULT false
clients.last_name text
clients.organisation_id uuid NOT NULL
clients.other_adaptations text
clients.phone text
clients.postcode_district text
clients.preferred_channel text
clients.ref text NOT NULL
clients.safe_by_email boolean
clients.safe_by_letter boolean
clients.safe_by_phone boolean
clients.safe_by_text boolean
clients.safe_by_visit boolean
clients.safe_by_voicemail boolean
clients.updated_at timestamp with time zone NOT NULL DEFAULT now()
clients.version integer NOT NULL DEFAULT 1
clients.vulnerabilities text[] NOT NULL DEFAULT '{}'::text[]
conflict_checks.case_id uuid NOT NULL
conflict_checks.checked_by_id uuid NOT NULL
conflict_checks.created_at timestamp with time zone NOT NULL DEFAULT now()
conflict_checks.id uuid NOT NULL DEFAULT uuidv7()
conflict_checks.matches jsonb NOT NULL DEFAULT '[]'::jsonb
conflict_checks.organisation_id uuid NOT NULL
conflict_checks.party_id uuid
conflict_checks.reason text
conflict_checks.result text NOT NULL
conflict_checks.searched_date_of_birth date
conflict_checks.searched_name text NOT NULL
conflict_checks.searched_postcode_district text
conflict_checks.subject text NOT NULL
conflict_checks.updated_at timestamp with time zone NOT NULL DEFAULT now()
conflict_checks.version integer NOT NULL DEFAULT 1
fee_default_rates.category text NOT NULL
fee_default_rates.effective_from date NOT NULL
fee_default_rates.escape_threshold_gbp numeric(10,2)
fee_default_rates.fixed_fee_gbp numeric(10,2) NOT NULL
fee_rates.category text NOT NULL
fee_rates.created_at timestamp with time zone NOT NULL DEFAULT now()
fee_rates.created_by uuid
fee_rates.effective_from date NOT NULL
fee_rates.escape_threshold_gbp numeric(10,2)
fee_rates.fixed_fee_gbp numeric(10,2) NOT NULL
fee_rates.hourly_rate_gbp numeric(10,2)
fee_rates.id uuid NOT NULL DEFAULT gen_random_uuid()
fee_rates.organisation_id uuid NOT NULL
fee_rates.source text NOT NULL
fee_rates.updated_at timestamp with time zone NOT NULL DEFAULT now()
fee_rates.version integer NOT NULL
feedback.case_id uuid NOT NULL
feedback.comment text
feedback.created_at timestamp with time zone NOT NULL DEFAULT now()
feedback.id uuid NOT NULL DEFAULT uuidv7()
feedback.items jsonb NOT NULL
feedback.on date NOT NULL
feedback.organisation_id uuid NOT NULL
feedback.source text NOT NULL DEFAULT 'paper'::text
feedback.updated_at timestamp with time zone NOT NULL DEFAULT now()
feedback.version integer NOT NULL DEFAULT 1
feedback_items.active boolean NOT NULL DEFAULT true
feedback_items.key text NOT NULL
feedback_items.label text NOT NULL
feedback_items.organisation_id uuid NOT NULL
feedback_items.position smallint NOT NULL DEFAULT 0
feedback_links.case_id uuid NOT NULL
feedback_links.created_at timestamp with time zone NOT NULL DEFAULT now()
feedback_links.created_by uuid
feedback_links.expires_at timestamp with time zone NOT NULL
feedback_links.organisation_id uuid NOT NULL
feedback_links.token_hash text NOT NULL
feedback_links.used_at timestamp with time zone
file_reviews.actions text
file_reviews.case_id uuid NOT NULL
file_reviews.created_at timestamp with time zone NOT NULL DEFAULT now()
file_reviews.id uuid NOT NULL DEFAULT uuidv7()
file_reviews.organisation_id uuid NOT NULL
file_reviews.outcome text NOT NULL
file_reviews.reviewed_on date NOT NULL
file_reviews.reviewer_id uuid NOT NULL
file_reviews.updated_at timestamp with time zone NOT NULL DEFAULT now()
file_reviews.version integer NOT NULL DEFAULT 1
follow_ups.case_id uuid NOT NULL
follow_ups.created_at timestamp with time zone NOT NULL DEFAULT now()
follow_ups.id uuid NOT NULL DEFAULT uuidv7()
follow_ups.on date NOT NULL
follow_ups.organisation_id uuid NOT NULL
follow_ups.outcome_sustained boolean
follow_ups.recontact text NOT NULL
follow_ups.updated_at timestamp with time zone NOT NULL DEFAULT now()
follow_ups.version integer NOT NULL DEFAULT 1
idempotency_keys.created_at timestamp with time zone NOT NULL DEFAULT now()
idempotency_keys.key text NOT NULL
idempotency_keys.method text NOT NULL
idempotency_keys.organisation_id uuid NOT NULL
idempotency_keys.path text NOT NULL
idempotency_keys.request_hash text NOT NULL
idempotency_keys.response jsonb
idempotency_keys.status_code integer
import_jobs.cases_read integer NOT NULL DEFAULT 0
import_jobs.cases_total integer
import_jobs.created_at timestamp with time zone NOT NULL DEFAULT now()
import_jobs.errors jsonb NOT NULL DEFAULT '[]'::jsonb
import_jobs.finished_at timestamp with time zone
import_jobs.id uuid NOT NULL DEFAULT gen_random_uuid()
import_jobs.organisation_id uuid
import_jobs.status text NOT NULL
import_jobs.summary jsonb
import_jobs.user_id uuid
key_date_changes.assignee_id uuid
key_date_changes.case_id uuid NOT NULL
key_date_changes.change text NOT NULL
key_date_changes.changed_at timestamp with time zone NOT NULL DEFAULT now()
key_date_changes.changed_by_id uuid NOT NULL
key_date_changes.created_at timestamp with time zone NOT NULL DEFAULT now()
key_date_changes.done_on date
key_date_changes.due_on date NOT NULL
key_date_changes.id uuid NOT NULL DEFAULT uuidv7()
key_date_changes.key_date_id uuid NOT NULL
key_date_changes.kind text NOT NULL
key_date_changes.organisation_id uuid NOT NULL
key_date_changes.previous_due_on date
key_date_changes.previous_title text
key_date_changes.title text NOT NULL
key_date_changes.updated_at timestamp with time zone NOT NULL DEFAULT now()
key_date_changes.version integer NOT NULL DEFAULT 1
key_dates.assignee_id uuid
key_dates.case_id uuid NOT NULL
key_dates.created_at timestamp with time zone NOT NULL DEFAULT now()
key_dates.created_by_id uuid NOT NULL
key_dates.done_on date
key_dates.due_on date NOT NULL
key_dates.id uuid NOT NULL DEFAULT uuidv7()
key_dates.kind text NOT NULL
key_dates.note text
key_dates.organisation_id uuid NOT NULL
key_dates.title text NOT NULL
key_dates.updated_at timestamp with time zone NOT NULL DEFAULT now()
key_dates.version integer NOT NULL DEFAULT 1
letter_templates.body text NOT NULL
letter_templates.created_at timestamp with time zone NOT NULL DEFAULT now()
letter_templates.id uuid NOT NULL DEFAULT uuidv7()
letter_templates.key text
letter_templates.name text NOT NULL
letter_templates.organisation_id uuid NOT NULL
letter_templates.updated_at timestamp with time zone NOT NULL DEFAULT now()
letter_templates.updated_by_id uuid
letter_templates.version integer NOT NULL DEFAULT 1
migrations.id integer NOT NULL DEFAULT nextval('migrations_id_seq'::regclass)
migrations.name character varying NOT NULL
migrations.timestamp bigint NOT NULL
offices.created_at timestamp with time zone NOT NULL DEFAULT now()
offices.id uuid NOT NULL DEFAULT uuidv7()
offices.name text NOT NULL
offices.organisation_id uuid NOT NULL
offices.ref text NOT NULL
offices.updated_at timestamp with time zone NOT NULL DEFAULT now()
offices.version integer NOT NULL DEFAULT 1
organisation_funding.amount_gbp numeric(14,2) NOT NULL
organisation_funding.created_at timestamp with time zone NOT NULL DEFAULT now()
organisation_funding.created_by uuid
organisation_funding.funder text NOT NULL
organisation_funding.id uuid NOT NULL DEFAULT uuidv7()
organisation_funding.organisation_id uuid NOT NULL
organisation_funding.period_from date NOT NULL
organisation_funding.period_to date NOT NULL
organisation_shares.commissioner_id uuid NOT NULL
organisation_shares.created_at timestamp with time zone NOT NULL DEFAULT now()
organisation_shares.created_by uuid
organisation_shares.provider_id uuid NOT NULL
organisations.created_at timestamp with time zone NOT NULL DEFAULT now()
organisations.id uuid NOT NULL DEFAULT gen_random_uuid()
organisations.kind text NOT NULL DEFAULT 'provider'::text
organisations.name text NOT NULL
organisations.ref text NOT NULL
organisations.settings jsonb NOT NULL DEFAULT '{}'::jsonb
organisations.updated_at timestamp with time zone NOT NULL DEFAULT now()
organisations.version integer NOT NULL DEFAULT 1
outbox_messages.attempts integer NOT NULL DEFAULT 0
outbox_messages.body text NOT NULL
outbox_messages.claimed_at timestamp with time zone
outbox_messages.created_at timestamp with time zone NOT NULL DEFAULT now()
outbox_messages.id uuid NOT NULL DEFAULT uuidv7()
outbox_messages.kind text NOT NULL
outbox_messages.last_error text
outbox_messages.organisation_id uuid NOT NULL
outbox_messages.reminder_on date
outbox_messages.sent_at timestamp with time zone
outbox_messages.status text NOT NULL
outbox_messages.subject text NOT NULL
outbox_messages.to_address text NOT NULL
outbox_messages.to_user_id uuid NOT NULL
outcome_benefits.amount_gbp numeric(12,2)
outcome_benefits.case_id uuid NOT NULL
outcome_benefits.created_at timestamp with time zone NOT NULL DEFAULT now()
outcome_benefits.id uuid NOT NULL DEFAULT uuidv7()
outcome_benefits.organisation_id uuid NOT NULL
outcome_benefits.type text NOT NULL
outcome_benefits.updated_at timestamp with time zone NOT NULL DEFAULT now()
outcome_benefits.version integer NOT NULL DEFAULT 1
outcomes.accepted boolean
outcomes.appeal text
outcomes.appeal_not_pursued_reason text
outcomes.case_id uuid NOT NULL
outcomes.confidence_after smallint
outcomes.confidence_before smallint
outcomes.could_handle_similar boolean
outcomes.created_at timestamp with time zone NOT NULL DEFAULT now()
outcomes.id uuid NOT NULL DEFAULT uuidv7()
outcomes.organisation_id uuid NOT NULL
outcomes.result text NOT NULL
outcomes.understood smallint
outcomes.updated_at timestamp with time zone NOT NULL DEFAULT now()
outcomes.version integer NOT NULL DEFAULT 1
outcomes.would_seek_advice_earlier boolean
partners.contact text
partners.created_at timestamp with time zone NOT NULL DEFAULT now()
partners.id uuid NOT NULL DEFAULT uuidv7()
partners.name text NOT NULL
partners.organisation_id uuid NOT NULL
partners.ref text NOT NULL
partners.service text
partners.updated_at timestamp with time zone NOT NULL DEFAULT now()
partners.version integer NOT NULL DEFAULT 1
password_tokens.created_at timestamp with time zone NOT NULL DEFAULT now()
password_tokens.created_by uuid
password_tokens.expires_at timestamp with time zone NOT NULL
password_tokens.id text NOT NULL
password_tokens.organisation_id uuid NOT NULL
password_tokens.purpose text NOT NULL
password_tokens.used_at timestamp with time zone
password_tokens.user_id uuid NOT NULL
referrals.case_id uuid NOT NULL
referrals.created_at timestamp with time zone NOT NULL DEFAULT now()
referrals.direction text NOT NULL
referrals.id uuid NOT NULL DEFAULT uuidv7()
referrals.kind text NOT NULL
referrals.note text
referrals.on date NOT NULL
referrals.organisation_id uuid NOT NULL
referrals.partner_id uuid NOT NULL
referrals.reached_support boolean
referrals.updated_at timestamp with time zone NOT NULL DEFAULT now()
referrals.version integer NOT NULL DEFAULT 1
sessions.created_at timestamp with time zone NOT NULL DEFAULT now()
sessions.csrf_token text NOT NULL
sessions.expires_at timestamp with time zone NOT NULL
sessions.id text NOT NULL
sessions.ip text
sessions.last_seen_at timestamp with time zone NOT NULL DEFAULT now()
sessions.organisation_id uuid NOT NULL
sessions.second_factor_pending boolean NOT NULL DEFAULT false
sessions.user_agent text
sessions.user_id uuid NOT NULL
sheet_mappings.mapping jsonb NOT NULL
sheet_mappings.name text NOT NULL
sheet_mappings.organisation_id uuid NOT NULL
sheet_mappings.updated_at timestamp with time zone NOT NULL DEFAULT now()
sheet_mappings.updated_by uuid
sign_in_attempts.attempts integer NOT NULL
sign_in_attempts.email text NOT NULL
sign_in_attempts.last_attempt_at timestamp with time zone NOT NULL DEFAULT now()
sign_in_attempts.next_allowed_at timestamp with time zone NOT NULL DEFAULT now()
sign_in_attempts.source text NOT NULL
subcategories.active boolean NOT NULL DEFAULT true
subcategories.category text NOT NULL
subcategories.key text NOT NULL
subcategories.label text NOT NULL
subcategories.organisation_id uuid NOT NULL
subcategories.position smallint NOT NULL DEFAULT 0
time_entries.activity text NOT NULL
time_entries.adviser_id uuid NOT NULL
time_entries.case_id uuid NOT NULL
time_entries.class text NOT NULL
time_entries.created_at timestamp with time zone NOT NULL DEFAULT now()
time_entries.id uuid NOT NULL DEFAULT uuidv7()
time_entries.minutes integer NOT NULL
time_entries.mode text NOT NULL
time_entries.note text
time_entries.on date NOT NULL
time_entries.organisation_id uuid NOT NULL
time_entries.updated_at timestamp with time zone NOT NULL DEFAULT now()
time_entries.version integer NOT NULL DEFAULT 1
underlying_problems.action text NOT NULL
underlying_problems.case_id uuid NOT NULL
underlying_problems.category text NOT NULL
underlying_problems.created_at timestamp with time zone NOT NULL DEFAULT now()
underlying_problems.description text
underlying_problems.id uuid NOT NULL DEFAULT uuidv7()
underlying_problems.organisation_id uuid NOT NULL
underlying_problems.partner_id uuid
underlying_problems.reached_support boolean
underlying_problems.result text
underlying_problems.uncovered_on date NOT NULL
underlying_problems.updated_at timestamp with time zone NOT NULL DEFAULT now()
underlying_problems.version integer NOT NULL DEFAULT 1
unit_cost_versions.created_at timestamp with time zone NOT NULL DEFAULT now()
unit_cost_versions.created_by uuid
unit_cost_versions.hourly_cost_gbp numeric(10,2)
unit_cost_versions.id uuid NOT NULL DEFAULT gen_random_uuid()
unit_cost_versions.mapping jsonb NOT NULL
unit_cost_versions.organisation_id uuid NOT NULL
unit_cost_versions.rows jsonb NOT NULL
unit_cost_versions.sensitivity jsonb NOT NULL
unit_cost_versions.version integer NOT NULL
users.active boolean NOT NULL DEFAULT true
users.created_at timestamp with time zone NOT NULL DEFAULT now()
users.email text
users.id uuid NOT NULL DEFAULT uuidv7()
users.last_sign_in_at timestamp with time zone
users.name text NOT NULL
users.office_id uuid
users.organisation_id uuid NOT NULL
users.password_hash text
users.ref text
users.role text NOT NULL
users.totp_enabled boolean NOT NULL DEFAULT false
users.totp_last_step bigint
users.totp_pending_secret text
users.totp_secret text
users.updated_at timestamp with time zone NOT NULL DEFAULT now()
users.version integer NOT NULL DEFAULT 1

-- Constraints
adviser_assessments adviser_assessments_case_id_not_null: NOT NULL case_id
adviser_assessments adviser_assessments_created_at_not_null: NOT NULL created_at
adviser_assessments adviser_assessments_disclosure_check: CHECK ((disclosure = ANY (ARRAY['yes'::text, 'partly'::text, 'no'::text])))
adviser_assessments adviser_assessments_id_not_null: NOT NULL id
adviser_assessments adviser_assessments_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
adviser_assessments adviser_assessments_organisation_id_case_id_key: UNIQUE (organisation_id, case_id)
adviser_assessments adviser_assessments_organisation_id_not_null: NOT NULL organisation_id
adviser_assessments adviser_assessments_pkey: PRIMARY KEY (id)
adviser_assessments adviser_assessments_trust_check: CHECK (((trust >= 1) AND (trust <= 5)))
adviser_assessments adviser_assessments_updated_at_not_null: NOT NULL updated_at
adviser_assessments adviser_assessments_version_not_null: NOT NULL version
audit_chain_heads audit_chain_heads_hash_not_null: NOT NULL hash
audit_chain_heads audit_chain_heads_organisation_id_not_null: NOT NULL organisation_id
audit_chain_heads audit_chain_heads_pkey: PRIMARY KEY (organisation_id)
audit_chain_heads audit_chain_heads_seq_not_null: NOT NULL seq
audit_log audit_log_action_check: CHECK ((action = ANY (ARRAY['read'::text, 'create'::text, 'update'::text, 'delete'::text, 'export'::text, 'sign_in'::text, 'failed_sign_in'::text, 'sign_out'::text, 'erase'::text, 'import'::text, 'share'::text, 'admin'::text])))
audit_log audit_log_action_not_null: NOT NULL action
audit_log audit_log_at_not_null: NOT NULL at
audit_log audit_log_chain_seq_not_null: NOT NULL chain_seq
audit_log audit_log_entity_ids_not_null: NOT NULL entity_ids
audit_log audit_log_hash_not_null: NOT NULL hash
audit_log audit_log_id_not_null: NOT NULL id
audit_log audit_log_pkey: PRIMARY KEY (id)
audit_log audit_log_prev_hash_not_null: NOT NULL prev_hash
audit_pending audit_pending_action_not_null: NOT NULL action
audit_pending audit_pending_entity_ids_not_null: NOT NULL entity_ids
audit_pending audit_pending_id_not_null: NOT NULL id
audit_pending audit_pending_move: TRIGGER DEFERRABLE INITIALLY DEFERRED
audit_pending audit_pending_pkey: PRIMARY KEY (id)
case_documents case_documents_case_id_not_null: NOT NULL case_id
case_documents case_documents_content_not_null: NOT NULL content
case_documents case_documents_content_type_check: CHECK ((content_type = ANY (ARRAY['application/pdf'::text, 'image/jpeg'::text, 'image/png'::text, 'image/gif'::text, 'image/webp'::text, 'image/tiff'::text, 'image/heic'::text, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'::text, 'application/msword'::text, 'application/vnd.oasis.opendocument.text'::text, 'application/rtf'::text])))
case_documents case_documents_content_type_not_null: NOT NULL content_type
case_documents case_documents_created_at_not_null: NOT NULL created_at
case_documents case_documents_file_name_check: CHECK (((length(file_name) >= 1) AND (length(file_name) <= 255)))
case_documents case_documents_file_name_not_null: NOT NULL file_name
case_documents case_documents_id_not_null: NOT NULL id
case_documents case_documents_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_documents case_documents_organisation_id_id_key: UNIQUE (organisation_id, id)
case_documents case_documents_organisation_id_not_null: NOT NULL organisation_id
case_documents case_documents_organisation_id_uploaded_by_id_fkey: FOREIGN KEY (organisation_id, uploaded_by_id) REFERENCES users(organisation_id, id)
case_documents case_documents_pkey: PRIMARY KEY (id)
case_documents case_documents_sha256_check: CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text))
case_documents case_documents_sha256_not_null: NOT NULL sha256
case_documents case_documents_size_bytes_check: CHECK ((size_bytes > 0))
case_documents case_documents_size_bytes_not_null: NOT NULL size_bytes
case_documents case_documents_size_matches: CHECK ((octet_length(content) = size_bytes))
case_documents case_documents_source_check: CHECK ((source = ANY (ARRAY['upload'::text, 'letter'::text])))
case_documents case_documents_source_not_null: NOT NULL source
case_documents case_documents_updated_at_not_null: NOT NULL updated_at
case_documents case_documents_uploaded_by_id_not_null: NOT NULL uploaded_by_id
case_documents case_documents_version_not_null: NOT NULL version
case_facts case_facts_arrival_route_not_null: NOT NULL arrival_route
case_facts case_facts_band_not_null: NOT NULL band
case_facts case_facts_benefit_amounts_gbp_not_null: NOT NULL benefit_amounts_gbp
case_facts case_facts_benefit_types_not_null: NOT NULL benefit_types
case_facts case_facts_case_id_not_null: NOT NULL case_id
case_facts case_facts_case_referrals_out_not_null: NOT NULL case_referrals_out
case_facts case_facts_category_not_null: NOT NULL category
case_facts case_facts_evidence_consent_not_null: NOT NULL evidence_consent
case_facts case_facts_feedback_items_n_not_null: NOT NULL feedback_items_n
case_facts case_facts_feedback_score_sum_not_null: NOT NULL feedback_score_sum
case_facts case_facts_first_contact_on_not_null: NOT NULL first_contact_on
case_facts case_facts_followed_up_not_null: NOT NULL followed_up
case_facts case_facts_funding_stream_not_null: NOT NULL funding_stream
case_facts case_facts_lead_adviser_id_not_null: NOT NULL lead_adviser_id
case_facts case_facts_lead_relationship_minutes_not_null: NOT NULL lead_relationship_minutes
case_facts case_facts_new_problem_at_follow_up_not_null: NOT NULL new_problem_at_follow_up
case_facts case_facts_opened_on_not_null: NOT NULL opened_on
case_facts case_facts_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_facts case_facts_organisation_id_not_null: NOT NULL organisation_id
case_facts case_facts_pkey: PRIMARY KEY (case_id)
case_facts case_facts_problems_client_declined_not_null: NOT NULL problems_client_declined
case_facts case_facts_problems_count_not_null: NOT NULL problems_count
case_facts case_facts_problems_handled_in_house_not_null: NOT NULL problems_handled_in_house
case_facts case_facts_problems_lost_contact_not_null: NOT NULL problems_lost_contact
case_facts case_facts_problems_negative_not_null: NOT NULL problems_negative
case_facts case_facts_problems_partly_positive_not_null: NOT NULL problems_partly_positive
case_facts case_facts_problems_positive_not_null: NOT NULL problems_positive
case_facts case_facts_problems_referred_warm_not_null: NOT NULL problems_referred_warm
case_facts case_facts_problems_relationship_minutes_not_null: NOT NULL problems_relationship_minutes
case_facts case_facts_problems_relationship_minutes_sq_not_null: NOT NULL problems_relationship_minutes_sq
case_facts case_facts_problems_signposted_not_null: NOT NULL problems_signposted
case_facts case_facts_problems_withdrawn_not_null: NOT NULL problems_withdrawn
case_facts case_facts_referrals_out_known_not_null: NOT NULL referrals_out_known
case_facts case_facts_referrals_out_not_null: NOT NULL referrals_out
case_facts case_facts_referrals_out_reached_not_null: NOT NULL referrals_out_reached
case_facts case_facts_relationship_minutes_not_null: NOT NULL relationship_minutes
case_facts case_facts_retelling_item_n_not_null: NOT NULL retelling_item_n
case_facts case_facts_retelling_item_sum_not_null: NOT NULL retelling_item_sum
case_facts case_facts_same_problem_recontact_6m_not_null: NOT NULL same_problem_recontact_6m
case_facts case_facts_total_minutes_not_null: NOT NULL total_minutes
case_facts case_facts_vulnerabilities_not_null: NOT NULL vulnerabilities
case_facts case_facts_vulnerability_count_not_null: NOT NULL vulnerability_count
case_fee_minute_rollups case_fee_minute_rollups_category_not_null: NOT NULL category
case_fee_minute_rollups case_fee_minute_rollups_closed_month_not_null: NOT NULL closed_month
case_fee_minute_rollups case_fee_minute_rollups_dim_not_null: NOT NULL dim
case_fee_minute_rollups case_fee_minute_rollups_dim_value_not_null: NOT NULL dim_value
case_fee_minute_rollups case_fee_minute_rollups_evidence_consent_not_null: NOT NULL evidence_consent
case_fee_minute_rollups case_fee_minute_rollups_n_not_null: NOT NULL n
case_fee_minute_rollups case_fee_minute_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_fee_minute_rollups case_fee_minute_rollups_organisation_id_not_null: NOT NULL organisation_id
case_fee_minute_rollups case_fee_minute_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent)
case_fee_minute_rollups case_fee_minute_rollups_total_minutes_not_null: NOT NULL total_minutes
case_fee_rollups case_fee_rollups_beyond_cases_not_null: NOT NULL beyond_cases
case_fee_rollups case_fee_rollups_beyond_n_not_null: NOT NULL beyond_n
case_fee_rollups case_fee_rollups_beyond_positive_not_null: NOT NULL beyond_positive
case_fee_rollups case_fee_rollups_cases_not_null: NOT NULL cases
case_fee_rollups case_fee_rollups_category_not_null: NOT NULL category
case_fee_rollups case_fee_rollups_closed_month_not_null: NOT NULL closed_month
case_fee_rollups case_fee_rollups_dim_not_null: NOT NULL dim
case_fee_rollups case_fee_rollups_dim_value_not_null: NOT NULL dim_value
case_fee_rollups case_fee_rollups_escape_count_not_null: NOT NULL escape_count
case_fee_rollups case_fee_rollups_escape_n_not_null: NOT NULL escape_n
case_fee_rollups case_fee_rollups_evidence_consent_not_null: NOT NULL evidence_consent
case_fee_rollups case_fee_rollups_fee_from_not_null: NOT NULL fee_from
case_fee_rollups case_fee_rollups_hour_not_null: NOT NULL hour
case_fee_rollups case_fee_rollups_minutes_not_null: NOT NULL minutes
case_fee_rollups case_fee_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_fee_rollups case_fee_rollups_organisation_id_not_null: NOT NULL organisation_id
case_fee_rollups case_fee_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour)
case_fee_rollups case_fee_rollups_within_cases_not_null: NOT NULL within_cases
case_fee_rollups case_fee_rollups_within_n_not_null: NOT NULL within_n
case_fee_rollups case_fee_rollups_within_positive_not_null: NOT NULL within_positive
case_legal_aid case_legal_aid_access_point_check: CHECK ((length(access_point) <= 10))
case_legal_aid case_legal_aid_case_id_not_null: NOT NULL case_id
case_legal_aid case_legal_aid_category_of_law_check: CHECK ((category_of_law ~ '^[a-z_]{1,50}$'::text))
case_legal_aid case_legal_aid_category_of_law_not_null: NOT NULL category_of_law
case_legal_aid case_legal_aid_client_postcode_check: CHECK ((length(client_postcode) <= 10))
case_legal_aid case_legal_aid_counsel_costs_gbp_check: CHECK ((counsel_costs_gbp >= (0)::numeric))
case_legal_aid case_legal_aid_created_at_not_null: NOT NULL created_at
case_legal_aid case_legal_aid_disbursements_gbp_check: CHECK ((disbursements_gbp >= (0)::numeric))
case_legal_aid case_legal_aid_disbursements_vat_gbp_check: CHECK ((disbursements_vat_gbp >= (0)::numeric))
case_legal_aid case_legal_aid_exemption_criteria_check: CHECK ((length(exemption_criteria) <= 10))
case_legal_aid case_legal_aid_fee_code_check: CHECK ((length(fee_code) <= 10))
case_legal_aid case_legal_aid_id_not_null: NOT NULL id
case_legal_aid case_legal_aid_matter_type_1_check: CHECK ((length(matter_type_1) <= 10))
case_legal_aid case_legal_aid_matter_type_2_check: CHECK ((length(matter_type_2) <= 10))
case_legal_aid case_legal_aid_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_legal_aid case_legal_aid_organisation_id_case_id_key: UNIQUE (organisation_id, case_id)
case_legal_aid case_legal_aid_organisation_id_id_key: UNIQUE (organisation_id, id)
case_legal_aid case_legal_aid_organisation_id_not_null: NOT NULL organisation_id
case_legal_aid case_legal_aid_organisation_id_ufn_key: UNIQUE (organisation_id, ufn)
case_legal_aid case_legal_aid_outcome_code_check: CHECK ((length(outcome_code) <= 10))
case_legal_aid case_legal_aid_pkey: PRIMARY KEY (id)
case_legal_aid case_legal_aid_procurement_area_check: CHECK ((length(procurement_area) <= 10))
case_legal_aid case_legal_aid_stage_reached_check: CHECK ((length(stage_reached) <= 10))
case_legal_aid case_legal_aid_ufn_check: CHECK ((ufn ~ '^[0-9]{6}/[0-9]{3}$'::text))
case_legal_aid case_legal_aid_updated_at_not_null: NOT NULL updated_at
case_legal_aid case_legal_aid_version_not_null: NOT NULL version
case_measure_rollups case_measure_rollups_accepted_count_not_null: NOT NULL accepted_count
case_measure_rollups case_measure_rollups_accepted_n_not_null: NOT NULL accepted_n
case_measure_rollups case_measure_rollups_accepted_scope_not_null: NOT NULL accepted_scope
case_measure_rollups case_measure_rollups_accepted_unknown_not_null: NOT NULL accepted_unknown
case_measure_rollups case_measure_rollups_avoided_appeal_count_not_null: NOT NULL avoided_appeal_count
case_measure_rollups case_measure_rollups_avoided_appeal_n_not_null: NOT NULL avoided_appeal_n
case_measure_rollups case_measure_rollups_avoided_appeal_overall_count_not_null: NOT NULL avoided_appeal_overall_count
case_measure_rollups case_measure_rollups_avoided_appeal_overall_n_not_null: NOT NULL avoided_appeal_overall_n
case_measure_rollups case_measure_rollups_avoided_appeal_overall_scope_not_null: NOT NULL avoided_appeal_overall_scope
case_measure_rollups case_measure_rollups_avoided_appeal_overall_unknown_not_null: NOT NULL avoided_appeal_overall_unknown
case_measure_rollups case_measure_rollups_avoided_appeal_scope_not_null: NOT NULL avoided_appeal_scope
case_measure_rollups case_measure_rollups_avoided_appeal_unknown_not_null: NOT NULL avoided_appeal_unknown
case_measure_rollups case_measure_rollups_bounce_back_count_not_null: NOT NULL bounce_back_count
case_measure_rollups case_measure_rollups_bounce_back_n_not_null: NOT NULL bounce_back_n
case_measure_rollups case_measure_rollups_bounce_back_scope_not_null: NOT NULL bounce_back_scope
case_measure_rollups case_measure_rollups_bounce_back_unknown_not_null: NOT NULL bounce_back_unknown
case_measure_rollups case_measure_rollups_bounce_in_0_not_null: NOT NULL bounce_in_0
case_measure_rollups case_measure_rollups_bounce_in_1_not_null: NOT NULL bounce_in_1
case_measure_rollups case_measure_rollups_bounce_in_2_not_null: NOT NULL bounce_in_2
case_measure_rollups case_measure_rollups_bounce_in_3_not_null: NOT NULL bounce_in_3
case_measure_rollups case_measure_rollups_bounce_in_unknown_not_null: NOT NULL bounce_in_unknown
case_measure_rollups case_measure_rollups_bounce_out_count_not_null: NOT NULL bounce_out_count
case_measure_rollups case_measure_rollups_bounce_out_n_not_null: NOT NULL bounce_out_n
case_measure_rollups case_measure_rollups_bounce_out_scope_not_null: NOT NULL bounce_out_scope
case_measure_rollups case_measure_rollups_bounce_out_unknown_not_null: NOT NULL bounce_out_unknown
case_measure_rollups case_measure_rollups_closed_on_not_null: NOT NULL closed_on
case_measure_rollups case_measure_rollups_confidence_change_n_not_null: NOT NULL confidence_change_n
case_measure_rollups case_measure_rollups_confidence_change_sum_not_null: NOT NULL confidence_change_sum
case_measure_rollups case_measure_rollups_confidence_change_sumsq_not_null: NOT NULL confidence_change_sumsq
case_measure_rollups case_measure_rollups_confidence_improved_count_not_null: NOT NULL confidence_improved_count
case_measure_rollups case_measure_rollups_confidence_improved_n_not_null: NOT NULL confidence_improved_n
case_measure_rollups case_measure_rollups_confidence_improved_scope_not_null: NOT NULL confidence_improved_scope
case_measure_rollups case_measure_rollups_confidence_improved_unknown_not_null: NOT NULL confidence_improved_unknown
case_measure_rollups case_measure_rollups_continuity_n_not_null: NOT NULL continuity_n
case_measure_rollups case_measure_rollups_continuity_sum_not_null: NOT NULL continuity_sum
case_measure_rollups case_measure_rollups_could_handle_similar_count_not_null: NOT NULL could_handle_similar_count
case_measure_rollups case_measure_rollups_could_handle_similar_n_not_null: NOT NULL could_handle_similar_n
case_measure_rollups case_measure_rollups_could_handle_similar_scope_not_null: NOT NULL could_handle_similar_scope
case_measure_rollups case_measure_rollups_could_handle_similar_unknown_not_null: NOT NULL could_handle_similar_unknown
case_measure_rollups case_measure_rollups_did_not_repeat_story_n_not_null: NOT NULL did_not_repeat_story_n
case_measure_rollups case_measure_rollups_did_not_repeat_story_sum_not_null: NOT NULL did_not_repeat_story_sum
case_measure_rollups case_measure_rollups_did_not_repeat_story_sumsq_not_null: NOT NULL did_not_repeat_story_sumsq
case_measure_rollups case_measure_rollups_dim_not_null: NOT NULL dim
case_measure_rollups case_measure_rollups_dim_value_not_null: NOT NULL dim_value
case_measure_rollups case_measure_rollups_first_contact_n_not_null: NOT NULL first_contact_n
case_measure_rollups case_measure_rollups_full_disclosure_count_not_null: NOT NULL full_disclosure_count
case_measure_rollups case_measure_rollups_full_disclosure_n_not_null: NOT NULL full_disclosure_n
case_measure_rollups case_measure_rollups_full_disclosure_scope_not_null: NOT NULL full_disclosure_scope
case_measure_rollups case_measure_rollups_full_disclosure_unknown_not_null: NOT NULL full_disclosure_unknown
case_measure_rollups case_measure_rollups_n_closed_not_null: NOT NULL n_closed
case_measure_rollups case_measure_rollups_new_problem_at_follow_up_count_not_null: NOT NULL new_problem_at_follow_up_count
case_measure_rollups case_measure_rollups_new_problem_at_follow_up_n_not_null: NOT NULL new_problem_at_follow_up_n
case_measure_rollups case_measure_rollups_new_problem_at_follow_up_scope_not_null: NOT NULL new_problem_at_follow_up_scope
case_measure_rollups case_measure_rollups_new_problem_at_follow_up_unknown_not_null: NOT NULL new_problem_at_follow_up_unknown
case_measure_rollups case_measure_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_measure_rollups case_measure_rollups_organisation_id_not_null: NOT NULL organisation_id
case_measure_rollups case_measure_rollups_outcome_sustained_count_not_null: NOT NULL outcome_sustained_count
case_measure_rollups case_measure_rollups_outcome_sustained_n_not_null: NOT NULL outcome_sustained_n
case_measure_rollups case_measure_rollups_outcome_sustained_scope_not_null: NOT NULL outcome_sustained_scope
case_measure_rollups case_measure_rollups_outcome_sustained_unknown_not_null: NOT NULL outcome_sustained_unknown
case_measure_rollups case_measure_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, closed_on)
case_measure_rollups case_measure_rollups_positive_outcome_count_not_null: NOT NULL positive_outcome_count
case_measure_rollups case_measure_rollups_positive_outcome_n_not_null: NOT NULL positive_outcome_n
case_measure_rollups case_measure_rollups_positive_outcome_scope_not_null: NOT NULL positive_outcome_scope
case_measure_rollups case_measure_rollups_positive_outcome_unknown_not_null: NOT NULL positive_outcome_unknown
case_measure_rollups case_measure_rollups_problem_uncovered_count_not_null: NOT NULL problem_uncovered_count
case_measure_rollups case_measure_rollups_problem_uncovered_n_not_null: NOT NULL problem_uncovered_n
case_measure_rollups case_measure_rollups_problem_uncovered_scope_not_null: NOT NULL problem_uncovered_scope
case_measure_rollups case_measure_rollups_problem_uncovered_unknown_not_null: NOT NULL problem_uncovered_unknown
case_measure_rollups case_measure_rollups_problems_client_declined_case_cro_not_null: NOT NULL problems_client_declined_case_cross
case_measure_rollups case_measure_rollups_problems_client_declined_case_sum_not_null: NOT NULL problems_client_declined_case_sumsq
case_measure_rollups case_measure_rollups_problems_client_declined_not_null: NOT NULL problems_client_declined
case_measure_rollups case_measure_rollups_problems_handled_in_house_case_cr_not_null: NOT NULL problems_handled_in_house_case_cross
case_measure_rollups case_measure_rollups_problems_handled_in_house_case_su_not_null: NOT NULL problems_handled_in_house_case_sumsq
case_measure_rollups case_measure_rollups_problems_handled_in_house_not_null: NOT NULL problems_handled_in_house
case_measure_rollups case_measure_rollups_problems_not_null: NOT NULL problems
case_measure_rollups case_measure_rollups_problems_referred_warm_case_cross_not_null: NOT NULL problems_referred_warm_case_cross
case_measure_rollups case_measure_rollups_problems_referred_warm_case_sumsq_not_null: NOT NULL problems_referred_warm_case_sumsq
case_measure_rollups case_measure_rollups_problems_referred_warm_not_null: NOT NULL problems_referred_warm
case_measure_rollups case_measure_rollups_problems_result_known_cases_not_null: NOT NULL problems_result_known_cases
case_measure_rollups case_measure_rollups_problems_result_known_countsq_not_null: NOT NULL problems_result_known_countsq
case_measure_rollups case_measure_rollups_problems_result_lost_contact_cas_not_null1: NOT NULL problems_result_lost_contact_case_cross
case_measure_rollups case_measure_rollups_problems_result_lost_contact_case_not_null: NOT NULL problems_result_lost_contact_case_sumsq
case_measure_rollups case_measure_rollups_problems_result_lost_contact_not_null: NOT NULL problems_result_lost_contact
case_measure_rollups case_measure_rollups_problems_result_negative_case_cro_not_null: NOT NULL problems_result_negative_case_cross
case_measure_rollups case_measure_rollups_problems_result_negative_case_sum_not_null: NOT NULL problems_result_negative_case_sumsq
case_measure_rollups case_measure_rollups_problems_result_negative_not_null: NOT NULL problems_result_negative
case_measure_rollups case_measure_rollups_problems_result_partly_positive__not_null1: NOT NULL problems_result_partly_positive_case_cross
case_measure_rollups case_measure_rollups_problems_result_partly_positive_c_not_null: NOT NULL problems_result_partly_positive_case_sumsq
case_measure_rollups case_measure_rollups_problems_result_partly_positive_not_null: NOT NULL problems_result_partly_positive
case_measure_rollups case_measure_rollups_problems_result_positive_case_cro_not_null: NOT NULL problems_result_positive_case_cross
case_measure_rollups case_measure_rollups_problems_result_positive_case_sum_not_null: NOT NULL problems_result_positive_case_sumsq
case_measure_rollups case_measure_rollups_problems_result_positive_not_null: NOT NULL problems_result_positive
case_measure_rollups case_measure_rollups_problems_result_unknown_not_null: NOT NULL problems_result_unknown
case_measure_rollups case_measure_rollups_problems_result_withdrawn_case_cr_not_null: NOT NULL problems_result_withdrawn_case_cross
case_measure_rollups case_measure_rollups_problems_result_withdrawn_case_su_not_null: NOT NULL problems_result_withdrawn_case_sumsq
case_measure_rollups case_measure_rollups_problems_result_withdrawn_not_null: NOT NULL problems_result_withdrawn
case_measure_rollups case_measure_rollups_problems_signposted_case_cross_not_null: NOT NULL problems_signposted_case_cross
case_measure_rollups case_measure_rollups_problems_signposted_case_sumsq_not_null: NOT NULL problems_signposted_case_sumsq
case_measure_rollups case_measure_rollups_problems_signposted_not_null: NOT NULL problems_signposted
case_measure_rollups case_measure_rollups_problems_time_before_case_countsq_not_null: NOT NULL problems_time_before_case_countsq
case_measure_rollups case_measure_rollups_problems_time_before_case_cross_not_null: NOT NULL problems_time_before_case_cross
case_measure_rollups case_measure_rollups_problems_time_before_case_sumsq_not_null: NOT NULL problems_time_before_case_sumsq
case_measure_rollups case_measure_rollups_problems_time_before_cases_not_null: NOT NULL problems_time_before_cases
case_measure_rollups case_measure_rollups_problems_time_before_not_null: NOT NULL problems_time_before
case_measure_rollups case_measure_rollups_problems_time_before_sumsq_not_null: NOT NULL problems_time_before_sumsq
case_measure_rollups case_measure_rollups_referral_completion_count_not_null: NOT NULL referral_completion_count
case_measure_rollups case_measure_rollups_referral_completion_n_not_null: NOT NULL referral_completion_n
case_measure_rollups case_measure_rollups_referral_completion_scope_not_null: NOT NULL referral_completion_scope
case_measure_rollups case_measure_rollups_referral_completion_unknown_not_null: NOT NULL referral_completion_unknown
case_measure_rollups case_measure_rollups_relationship_minutes_not_null: NOT NULL relationship_minutes
case_measure_rollups case_measure_rollups_relationship_share_n_not_null: NOT NULL relationship_share_n
case_measure_rollups case_measure_rollups_relationship_share_sum_not_null: NOT NULL relationship_share_sum
case_measure_rollups case_measure_rollups_rqi_items_not_null: NOT NULL rqi_items
case_measure_rollups case_measure_rollups_rqi_n_not_null: NOT NULL rqi_n
case_measure_rollups case_measure_rollups_rqi_sum_not_null: NOT NULL rqi_sum
case_measure_rollups case_measure_rollups_rqi_sumsq_not_null: NOT NULL rqi_sumsq
case_measure_rollups case_measure_rollups_seen_within_10_not_null: NOT NULL seen_within_10
case_measure_rollups case_measure_rollups_seen_within_2_not_null: NOT NULL seen_within_2
case_measure_rollups case_measure_rollups_told_story_0_not_null: NOT NULL told_story_0
case_measure_rollups case_measure_rollups_told_story_1_not_null: NOT NULL told_story_1
case_measure_rollups case_measure_rollups_told_story_2_not_null: NOT NULL told_story_2
case_measure_rollups case_measure_rollups_told_story_3_not_null: NOT NULL told_story_3
case_measure_rollups case_measure_rollups_told_story_unknown_not_null: NOT NULL told_story_unknown
case_measure_rollups case_measure_rollups_trust_n_not_null: NOT NULL trust_n
case_measure_rollups case_measure_rollups_trust_sum_not_null: NOT NULL trust_sum
case_measure_rollups case_measure_rollups_trust_sumsq_not_null: NOT NULL trust_sumsq
case_measure_rollups case_measure_rollups_understood_n_not_null: NOT NULL understood_n
case_measure_rollups case_measure_rollups_understood_sum_not_null: NOT NULL understood_sum
case_measure_rollups case_measure_rollups_understood_sumsq_not_null: NOT NULL understood_sumsq
case_measure_rollups case_measure_rollups_would_seek_advice_earlier_count_not_null: NOT NULL would_seek_advice_earlier_count
case_measure_rollups case_measure_rollups_would_seek_advice_earlier_n_not_null: NOT NULL would_seek_advice_earlier_n
case_measure_rollups case_measure_rollups_would_seek_advice_earlier_scope_not_null: NOT NULL would_seek_advice_earlier_scope
case_measure_rollups case_measure_rollups_would_seek_advice_earlier_unknown_not_null: NOT NULL would_seek_advice_earlier_unknown
case_note_revisions case_note_revisions_body_check: CHECK (((length(body) >= 1) AND (length(body) <= 20000)))
case_note_revisions case_note_revisions_body_not_null: NOT NULL body
case_note_revisions case_note_revisions_case_id_not_null: NOT NULL case_id
case_note_revisions case_note_revisions_created_at_not_null: NOT NULL created_at
case_note_revisions case_note_revisions_id_not_null: NOT NULL id
case_note_revisions case_note_revisions_kind_check: CHECK ((kind = ANY (ARRAY['attendance'::text, 'file'::text])))
case_note_revisions case_note_revisions_kind_not_null: NOT NULL kind
case_note_revisions case_note_revisions_note_id_not_null: NOT NULL note_id
case_note_revisions case_note_revisions_note_id_revision_key: UNIQUE (note_id, revision)
case_note_revisions case_note_revisions_on_check: CHECK (("on" >= '1990-01-01'::date))
case_note_revisions case_note_revisions_on_not_null: NOT NULL "on"
case_note_revisions case_note_revisions_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_note_revisions case_note_revisions_organisation_id_not_null: NOT NULL organisation_id
case_note_revisions case_note_revisions_organisation_id_note_id_fkey: FOREIGN KEY (organisation_id, note_id) REFERENCES case_notes(organisation_id, id) ON DELETE CASCADE
case_note_revisions case_note_revisions_organisation_id_written_by_id_fkey: FOREIGN KEY (organisation_id, written_by_id) REFERENCES users(organisation_id, id)
case_note_revisions case_note_revisions_pkey: PRIMARY KEY (id)
case_note_revisions case_note_revisions_revision_check: CHECK ((revision >= 1))
case_note_revisions case_note_revisions_revision_not_null: NOT NULL revision
case_note_revisions case_note_revisions_updated_at_not_null: NOT NULL updated_at
case_note_revisions case_note_revisions_version_not_null: NOT NULL version
case_note_revisions case_note_revisions_written_at_not_null: NOT NULL written_at
case_note_revisions case_note_revisions_written_by_id_not_null: NOT NULL written_by_id
case_notes case_notes_author_id_not_null: NOT NULL author_id
case_notes case_notes_body_check: CHECK (((length(body) >= 1) AND (length(body) <= 20000)))
case_notes case_notes_body_not_null: NOT NULL body
case_notes case_notes_case_id_not_null: NOT NULL case_id
case_notes case_notes_created_at_not_null: NOT NULL created_at
case_notes case_notes_id_not_null: NOT NULL id
case_notes case_notes_kind_check: CHECK ((kind = ANY (ARRAY['attendance'::text, 'file'::text])))
case_notes case_notes_kind_not_null: NOT NULL kind
case_notes case_notes_on_check: CHECK (("on" >= '1990-01-01'::date))
case_notes case_notes_on_not_null: NOT NULL "on"
case_notes case_notes_organisation_id_author_id_fkey: FOREIGN KEY (organisation_id, author_id) REFERENCES users(organisation_id, id)
case_notes case_notes_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_notes case_notes_organisation_id_case_id_time_entry_id_fkey: FOREIGN KEY (organisation_id, case_id, time_entry_id) REFERENCES time_entries(organisation_id, case_id, id) ON DELETE SET NULL (time_entry_id)
case_notes case_notes_organisation_id_edited_by_id_fkey: FOREIGN KEY (organisation_id, edited_by_id) REFERENCES users(organisation_id, id)
case_notes case_notes_organisation_id_id_key: UNIQUE (organisation_id, id)
case_notes case_notes_organisation_id_not_null: NOT NULL organisation_id
case_notes case_notes_pkey: PRIMARY KEY (id)
case_notes case_notes_updated_at_not_null: NOT NULL updated_at
case_notes case_notes_version_not_null: NOT NULL version
case_parties case_parties_birth_person: CHECK (((date_of_birth IS NULL) OR (kind = 'person'::text)))
case_parties case_parties_case_id_not_null: NOT NULL case_id
case_parties case_parties_contact_check: CHECK ((length(contact) <= 500))
case_parties case_parties_created_at_not_null: NOT NULL created_at
case_parties case_parties_date_of_birth_check: CHECK ((date_of_birth >= '1900-01-01'::date))
case_parties case_parties_id_not_null: NOT NULL id
case_parties case_parties_kind_check: CHECK ((kind = ANY (ARRAY['person'::text, 'organisation'::text])))
case_parties case_parties_kind_not_null: NOT NULL kind
case_parties case_parties_language_check: CHECK ((length(language) <= 100))
case_parties case_parties_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 200)))
case_parties case_parties_name_not_null: NOT NULL name
case_parties case_parties_note_check: CHECK ((length(note) <= 2000))
case_parties case_parties_opponent_type_check: CHECK ((opponent_type = ANY (ARRAY['landlord'::text, 'council'::text, 'dwp'::text, 'hmrc'::text, 'home_office'::text, 'employer'::text, 'creditor'::text, 'other'::text])))
case_parties case_parties_opponent_type_role: CHECK (((opponent_type IS NULL) OR (role = 'opponent'::text)))
case_parties case_parties_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
case_parties case_parties_organisation_id_id_key: UNIQUE (organisation_id, id)
case_parties case_parties_organisation_id_not_null: NOT NULL organisation_id
case_parties case_parties_pass_phrase_check: CHECK ((length(pass_phrase) <= 200))
case_parties case_parties_pass_phrase_role: CHECK (((pass_phrase IS NULL) OR (role = 'third_party'::text)))
case_parties case_parties_pkey: PRIMARY KEY (id)
case_parties case_parties_postcode_district_check: CHECK ((postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'::text))
case_parties case_parties_reference_check: CHECK ((length(reference) <= 100))
case_parties case_parties_relationship_check: CHECK ((length(relationship) <= 100))
case_parties case_parties_role_check: CHECK ((role = ANY (ARRAY['opponent'::text, 'third_party'::text, 'interpreter'::text, 'other'::text])))
case_parties case_parties_role_not_null: NOT NULL role
case_parties case_parties_updated_at_not_null: NOT NULL updated_at
case_parties case_parties_version_not_null: NOT NULL version
case_pattern_rollups case_pattern_rollups_category_not_null: NOT NULL category
case_pattern_rollups case_pattern_rollups_dim_not_null: NOT NULL dim
case_pattern_rollups case_pattern_rollups_dim_value_not_null: NOT NULL dim_value
case_pattern_rollups case_pattern_rollups_evidence_consent_not_null: NOT NULL evidence_consent
case_pattern_rollups case_pattern_rollups_funding_stream_not_null: NOT NULL funding_stream
case_pattern_rollups case_pattern_rollups_minutes_not_null: NOT NULL minutes
case_pattern_rollups case_pattern_rollups_n_accept_asked_not_null: NOT NULL n_accept_asked
case_pattern_rollups case_pattern_rollups_n_accepted_not_null: NOT NULL n_accepted
case_pattern_rollups case_pattern_rollups_n_bounce_back_not_null: NOT NULL n_bounce_back
case_pattern_rollups case_pattern_rollups_n_closed_not_null: NOT NULL n_closed
case_pattern_rollups case_pattern_rollups_n_followed_up_not_null: NOT NULL n_followed_up
case_pattern_rollups case_pattern_rollups_n_negative_appeal_known_not_null: NOT NULL n_negative_appeal_known
case_pattern_rollups case_pattern_rollups_n_negative_avoided_not_null: NOT NULL n_negative_avoided
case_pattern_rollups case_pattern_rollups_n_positive_not_null: NOT NULL n_positive
case_pattern_rollups case_pattern_rollups_n_uncovered_not_null: NOT NULL n_uncovered
case_pattern_rollups case_pattern_rollups_n_with_result_not_null: NOT NULL n_with_result
case_pattern_rollups case_pattern_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_pattern_rollups case_pattern_rollups_organisation_id_not_null: NOT NULL organisation_id
case_pattern_rollups case_pattern_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes)
case_pattern_rollups case_pattern_rollups_vulnerability_count_not_null: NOT NULL vulnerability_count
case_pricing_rollups case_pricing_rollups_avoided_appeal_not_null: NOT NULL avoided_appeal
case_pricing_rollups case_pricing_rollups_band_not_null: NOT NULL band
case_pricing_rollups case_pricing_rollups_benefit_benefit_awarded_cases_not_null: NOT NULL benefit_benefit_awarded_cases
case_pricing_rollups case_pricing_rollups_benefit_benefit_awarded_gbp_not_null: NOT NULL benefit_benefit_awarded_gbp
case_pricing_rollups case_pricing_rollups_benefit_benefit_awarded_without_not_null: NOT NULL benefit_benefit_awarded_without
case_pricing_rollups case_pricing_rollups_benefit_benefit_reinstated_cases_not_null: NOT NULL benefit_benefit_reinstated_cases
case_pricing_rollups case_pricing_rollups_benefit_benefit_reinstated_gbp_not_null: NOT NULL benefit_benefit_reinstated_gbp
case_pricing_rollups case_pricing_rollups_benefit_benefit_reinstated_withou_not_null: NOT NULL benefit_benefit_reinstated_without
case_pricing_rollups case_pricing_rollups_benefit_care_package_secured_case_not_null: NOT NULL benefit_care_package_secured_cases
case_pricing_rollups case_pricing_rollups_benefit_care_package_secured_gbp_not_null: NOT NULL benefit_care_package_secured_gbp
case_pricing_rollups case_pricing_rollups_benefit_care_package_secured_with_not_null: NOT NULL benefit_care_package_secured_without
case_pricing_rollups case_pricing_rollups_benefit_debt_made_manageable_case_not_null: NOT NULL benefit_debt_made_manageable_cases
case_pricing_rollups case_pricing_rollups_benefit_debt_made_manageable_gbp_not_null: NOT NULL benefit_debt_made_manageable_gbp
case_pricing_rollups case_pricing_rollups_benefit_debt_made_manageable_with_not_null: NOT NULL benefit_debt_made_manageable_without
case_pricing_rollups case_pricing_rollups_benefit_debt_written_off_cases_not_null: NOT NULL benefit_debt_written_off_cases
case_pricing_rollups case_pricing_rollups_benefit_debt_written_off_gbp_not_null: NOT NULL benefit_debt_written_off_gbp
case_pricing_rollups case_pricing_rollups_benefit_debt_written_off_without_not_null: NOT NULL benefit_debt_written_off_without
case_pricing_rollups case_pricing_rollups_benefit_employment_kept_cases_not_null: NOT NULL benefit_employment_kept_cases
case_pricing_rollups case_pricing_rollups_benefit_employment_kept_gbp_not_null: NOT NULL benefit_employment_kept_gbp
case_pricing_rollups case_pricing_rollups_benefit_employment_kept_without_not_null: NOT NULL benefit_employment_kept_without
case_pricing_rollups case_pricing_rollups_benefit_eviction_avoided_cases_not_null: NOT NULL benefit_eviction_avoided_cases
case_pricing_rollups case_pricing_rollups_benefit_eviction_avoided_gbp_not_null: NOT NULL benefit_eviction_avoided_gbp
case_pricing_rollups case_pricing_rollups_benefit_eviction_avoided_without_not_null: NOT NULL benefit_eviction_avoided_without
case_pricing_rollups case_pricing_rollups_benefit_home_kept_cases_not_null: NOT NULL benefit_home_kept_cases
case_pricing_rollups case_pricing_rollups_benefit_home_kept_gbp_not_null: NOT NULL benefit_home_kept_gbp
case_pricing_rollups case_pricing_rollups_benefit_home_kept_without_not_null: NOT NULL benefit_home_kept_without
case_pricing_rollups case_pricing_rollups_benefit_immigration_status_secur_not_null1: NOT NULL benefit_immigration_status_secured_gbp
case_pricing_rollups case_pricing_rollups_benefit_immigration_status_secur_not_null2: NOT NULL benefit_immigration_status_secured_without
case_pricing_rollups case_pricing_rollups_benefit_immigration_status_secure_not_null: NOT NULL benefit_immigration_status_secured_cases
case_pricing_rollups case_pricing_rollups_benefit_other_cases_not_null: NOT NULL benefit_other_cases
case_pricing_rollups case_pricing_rollups_benefit_other_gbp_not_null: NOT NULL benefit_other_gbp
case_pricing_rollups case_pricing_rollups_benefit_other_without_not_null: NOT NULL benefit_other_without
case_pricing_rollups case_pricing_rollups_bounce_back_avoided_not_null: NOT NULL bounce_back_avoided
case_pricing_rollups case_pricing_rollups_cases_not_null: NOT NULL cases
case_pricing_rollups case_pricing_rollups_category_not_null: NOT NULL category
case_pricing_rollups case_pricing_rollups_closed_month_not_null: NOT NULL closed_month
case_pricing_rollups case_pricing_rollups_dim_not_null: NOT NULL dim
case_pricing_rollups case_pricing_rollups_dim_value_not_null: NOT NULL dim_value
case_pricing_rollups case_pricing_rollups_evidence_consent_not_null: NOT NULL evidence_consent
case_pricing_rollups case_pricing_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_pricing_rollups case_pricing_rollups_organisation_id_not_null: NOT NULL organisation_id
case_pricing_rollups case_pricing_rollups_pack_accepted_count_not_null: NOT NULL pack_accepted_count
case_pricing_rollups case_pricing_rollups_pack_accepted_n_not_null: NOT NULL pack_accepted_n
case_pricing_rollups case_pricing_rollups_pack_avoidedappeal_count_not_null: NOT NULL pack_avoidedappeal_count
case_pricing_rollups case_pricing_rollups_pack_avoidedappeal_n_not_null: NOT NULL pack_avoidedappeal_n
case_pricing_rollups case_pricing_rollups_pack_bounceback_count_not_null: NOT NULL pack_bounceback_count
case_pricing_rollups case_pricing_rollups_pack_bounceback_n_not_null: NOT NULL pack_bounceback_n
case_pricing_rollups case_pricing_rollups_pack_bouncein_n_not_null: NOT NULL pack_bouncein_n
case_pricing_rollups case_pricing_rollups_pack_bouncein_sum_not_null: NOT NULL pack_bouncein_sum
case_pricing_rollups case_pricing_rollups_pack_bounceout_count_not_null: NOT NULL pack_bounceout_count
case_pricing_rollups case_pricing_rollups_pack_bounceout_n_not_null: NOT NULL pack_bounceout_n
case_pricing_rollups case_pricing_rollups_pack_bounceout_unknown_not_null: NOT NULL pack_bounceout_unknown
case_pricing_rollups case_pricing_rollups_pack_confidencechange_n_not_null: NOT NULL pack_confidencechange_n
case_pricing_rollups case_pricing_rollups_pack_confidencechange_sum_not_null: NOT NULL pack_confidencechange_sum
case_pricing_rollups case_pricing_rollups_pack_confidenceimproved_count_not_null: NOT NULL pack_confidenceimproved_count
case_pricing_rollups case_pricing_rollups_pack_confidenceimproved_n_not_null: NOT NULL pack_confidenceimproved_n
case_pricing_rollups case_pricing_rollups_pack_confidenceimproved_unknown_not_null: NOT NULL pack_confidenceimproved_unknown
case_pricing_rollups case_pricing_rollups_pack_continuity_n_not_null: NOT NULL pack_continuity_n
case_pricing_rollups case_pricing_rollups_pack_continuity_sum_not_null: NOT NULL pack_continuity_sum
case_pricing_rollups case_pricing_rollups_pack_couldhandlesimilar_count_not_null: NOT NULL pack_couldhandlesimilar_count
case_pricing_rollups case_pricing_rollups_pack_couldhandlesimilar_n_not_null: NOT NULL pack_couldhandlesimilar_n
case_pricing_rollups case_pricing_rollups_pack_couldhandlesimilar_unknown_not_null: NOT NULL pack_couldhandlesimilar_unknown
case_pricing_rollups case_pricing_rollups_pack_didnotrepeatstory_n_not_null: NOT NULL pack_didnotrepeatstory_n
case_pricing_rollups case_pricing_rollups_pack_didnotrepeatstory_sum_not_null: NOT NULL pack_didnotrepeatstory_sum
case_pricing_rollups case_pricing_rollups_pack_fulldisclosure_count_not_null: NOT NULL pack_fulldisclosure_count
case_pricing_rollups case_pricing_rollups_pack_fulldisclosure_n_not_null: NOT NULL pack_fulldisclosure_n
case_pricing_rollups case_pricing_rollups_pack_fulldisclosure_unknown_not_null: NOT NULL pack_fulldisclosure_unknown
case_pricing_rollups case_pricing_rollups_pack_negative_not_null: NOT NULL pack_negative
case_pricing_rollups case_pricing_rollups_pack_newproblematfollowup_count_not_null: NOT NULL pack_newproblematfollowup_count
case_pricing_rollups case_pricing_rollups_pack_newproblematfollowup_n_not_null: NOT NULL pack_newproblematfollowup_n
case_pricing_rollups case_pricing_rollups_pack_newproblematfollowup_unknown_not_null: NOT NULL pack_newproblematfollowup_unknown
case_pricing_rollups case_pricing_rollups_pack_outcomesustained_count_not_null: NOT NULL pack_outcomesustained_count
case_pricing_rollups case_pricing_rollups_pack_outcomesustained_n_not_null: NOT NULL pack_outcomesustained_n
case_pricing_rollups case_pricing_rollups_pack_outcomesustained_unknown_not_null: NOT NULL pack_outcomesustained_unknown
case_pricing_rollups case_pricing_rollups_pack_positiveoutcome_count_not_null: NOT NULL pack_positiveoutcome_count
case_pricing_rollups case_pricing_rollups_pack_positiveoutcome_n_not_null: NOT NULL pack_positiveoutcome_n
case_pricing_rollups case_pricing_rollups_pack_problemuncovered_count_not_null: NOT NULL pack_problemuncovered_count
case_pricing_rollups case_pricing_rollups_pack_problemuncovered_n_not_null: NOT NULL pack_problemuncovered_n
case_pricing_rollups case_pricing_rollups_pack_referralcompletion_count_not_null: NOT NULL pack_referralcompletion_count
case_pricing_rollups case_pricing_rollups_pack_referralcompletion_n_not_null: NOT NULL pack_referralcompletion_n
case_pricing_rollups case_pricing_rollups_pack_referralcompletion_unknown_not_null: NOT NULL pack_referralcompletion_unknown
case_pricing_rollups case_pricing_rollups_pack_rqi_n_not_null: NOT NULL pack_rqi_n
case_pricing_rollups case_pricing_rollups_pack_rqi_sum_not_null: NOT NULL pack_rqi_sum
case_pricing_rollups case_pricing_rollups_pack_trust_n_not_null: NOT NULL pack_trust_n
case_pricing_rollups case_pricing_rollups_pack_trust_sum_not_null: NOT NULL pack_trust_sum
case_pricing_rollups case_pricing_rollups_pack_understood_n_not_null: NOT NULL pack_understood_n
case_pricing_rollups case_pricing_rollups_pack_understood_sum_not_null: NOT NULL pack_understood_sum
case_pricing_rollups case_pricing_rollups_pack_wouldseekadviceearlier_count_not_null: NOT NULL pack_wouldseekadviceearlier_count
case_pricing_rollups case_pricing_rollups_pack_wouldseekadviceearlier_n_not_null: NOT NULL pack_wouldseekadviceearlier_n
case_pricing_rollups case_pricing_rollups_pack_wouldseekadviceearlier_unkno_not_null: NOT NULL pack_wouldseekadviceearlier_unknown
case_pricing_rollups case_pricing_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band)
case_pricing_rollups case_pricing_rollups_relationship_minutes_not_null: NOT NULL relationship_minutes
case_pricing_rollups case_pricing_rollups_total_minutes_not_null: NOT NULL total_minutes
case_rollups case_rollups_band_not_null: NOT NULL band
case_rollups case_rollups_closed_on_not_null: NOT NULL closed_on
case_rollups case_rollups_dim_not_null: NOT NULL dim
case_rollups case_rollups_dim_value_not_null: NOT NULL dim_value
case_rollups case_rollups_n_accept_asked_not_null: NOT NULL n_accept_asked
case_rollups case_rollups_n_accepted_not_null: NOT NULL n_accepted
case_rollups case_rollups_n_bounce_back_not_null: NOT NULL n_bounce_back
case_rollups case_rollups_n_closed_not_null: NOT NULL n_closed
case_rollups case_rollups_n_followed_up_not_null: NOT NULL n_followed_up
case_rollups case_rollups_n_negative_appeal_known_not_null: NOT NULL n_negative_appeal_known
case_rollups case_rollups_n_negative_avoided_not_null: NOT NULL n_negative_avoided
case_rollups case_rollups_n_positive_not_null: NOT NULL n_positive
case_rollups case_rollups_n_uncovered_not_null: NOT NULL n_uncovered
case_rollups case_rollups_n_with_result_not_null: NOT NULL n_with_result
case_rollups case_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_rollups case_rollups_organisation_id_not_null: NOT NULL organisation_id
case_rollups case_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, closed_on, band)
case_value_rollups case_value_rollups_closed_month_not_null: NOT NULL closed_month
case_value_rollups case_value_rollups_dim_not_null: NOT NULL dim
case_value_rollups case_value_rollups_dim_value_not_null: NOT NULL dim_value
case_value_rollups case_value_rollups_measure_not_null: NOT NULL measure
case_value_rollups case_value_rollups_n_not_null: NOT NULL n
case_value_rollups case_value_rollups_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
case_value_rollups case_value_rollups_organisation_id_not_null: NOT NULL organisation_id
case_value_rollups case_value_rollups_pkey: PRIMARY KEY (organisation_id, dim, dim_value, measure, closed_month, value)
case_value_rollups case_value_rollups_value_not_null: NOT NULL value
cases cases_arrival_route_check: CHECK ((arrival_route = ANY (ARRAY['self'::text, 'referred'::text])))
cases cases_arrival_route_not_null: NOT NULL arrival_route
cases cases_category_check: CHECK ((category = ANY (ARRAY['housing'::text, 'welfare_benefits'::text, 'debt'::text, 'employment'::text, 'immigration'::text, 'community_care'::text])))
cases cases_category_not_null: NOT NULL category
cases cases_check: CHECK (((closed_on IS NULL) OR (closed_on >= opened_on)))
cases cases_check1: CHECK (((arrival_route = 'referred'::text) OR (referrer_partner_id IS NULL)))
cases cases_client_id_not_null: NOT NULL client_id
cases cases_confidence_at_intake_check: CHECK (((confidence_at_intake >= 1) AND (confidence_at_intake <= 5)))
cases cases_created_at_not_null: NOT NULL created_at
cases cases_first_contact_check: CHECK (((first_contact_on >= '1990-01-01'::date) AND (first_contact_on <= opened_on)))
cases cases_funding_stream_check: CHECK ((funding_stream = ANY (ARRAY['legal_aid_fixed_fee'::text, 'legal_aid_escape'::text, 'grant'::text, 'pro_bono'::text, 'other'::text])))
cases cases_funding_stream_not_null: NOT NULL funding_stream
cases cases_id_not_null: NOT NULL id
cases cases_lead_adviser_id_not_null: NOT NULL lead_adviser_id
cases cases_opened_on_check: CHECK ((opened_on >= '1990-01-01'::date))
cases cases_opened_on_not_null: NOT NULL opened_on
cases cases_organisation_id_client_id_fkey: FOREIGN KEY (organisation_id, client_id) REFERENCES clients(organisation_id, id)
cases cases_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
cases cases_organisation_id_id_key: UNIQUE (organisation_id, id)
cases cases_organisation_id_lead_adviser_id_fkey: FOREIGN KEY (organisation_id, lead_adviser_id) REFERENCES users(organisation_id, id)
cases cases_organisation_id_not_null: NOT NULL organisation_id
cases cases_organisation_id_office_id_fkey: FOREIGN KEY (organisation_id, office_id) REFERENCES offices(organisation_id, id)
cases cases_organisation_id_ref_key: UNIQUE (organisation_id, ref)
cases cases_organisation_id_referrer_partner_id_fkey: FOREIGN KEY (organisation_id, referrer_partner_id) REFERENCES partners(organisation_id, id)
cases cases_pkey: PRIMARY KEY (id)
cases cases_prior_organisations_contacted_check: CHECK (((prior_organisations_contacted >= 0) AND (prior_organisations_contacted <= 100)))
cases cases_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
cases cases_ref_not_null: NOT NULL ref
cases cases_subcategory_check: CHECK ((length(subcategory) <= 100))
cases cases_times_told_story_before_check: CHECK (((times_told_story_before >= 0) AND (times_told_story_before <= 100)))
cases cases_updated_at_not_null: NOT NULL updated_at
cases cases_version_not_null: NOT NULL version
clients clients_bsl_not_null: NOT NULL bsl
clients clients_contact_note_check: CHECK ((length(contact_note) <= 1000))
clients clients_created_at_not_null: NOT NULL created_at
clients clients_date_of_birth_check: CHECK ((date_of_birth >= '1900-01-01'::date))
clients clients_email_check: CHECK ((length(email) <= 320))
clients clients_equality_disability_check: CHECK ((length(equality_disability) <= 10))
clients clients_equality_ethnicity_check: CHECK ((length(equality_ethnicity) <= 10))
clients clients_equality_gender_check: CHECK ((length(equality_gender) <= 10))
clients clients_evidence_consent_not_null: NOT NULL evidence_consent
clients clients_first_name_check: CHECK ((length(first_name) <= 100))
clients clients_id_not_null: NOT NULL id
clients clients_interpreter_language_check: CHECK ((length(interpreter_language) <= 100))
clients clients_large_print_not_null: NOT NULL large_print
clients clients_last_name_check: CHECK ((length(last_name) <= 100))
clients clients_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
clients clients_organisation_id_id_key: UNIQUE (organisation_id, id)
clients clients_organisation_id_not_null: NOT NULL organisation_id
clients clients_organisation_id_ref_key: UNIQUE (organisation_id, ref)
clients clients_other_adaptations_check: CHECK ((length(other_adaptations) <= 500))
clients clients_phone_check: CHECK ((length(phone) <= 40))
clients clients_pkey: PRIMARY KEY (id)
clients clients_postcode_district_check: CHECK ((postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'::text))
clients clients_preferred_channel_check: CHECK ((preferred_channel = ANY (ARRAY['phone'::text, 'text'::text, 'voicemail'::text, 'email'::text, 'letter'::text, 'visit'::text])))
clients clients_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
clients clients_ref_not_null: NOT NULL ref
clients clients_updated_at_not_null: NOT NULL updated_at
clients clients_version_not_null: NOT NULL version
clients clients_vulnerabilities_check: CHECK ((vulnerabilities <@ ARRAY['mental_health'::text, 'disability'::text, 'language_need'::text, 'digital_exclusion'::text, 'domestic_abuse'::text, 'care_leaver'::text]))
clients clients_vulnerabilities_not_null: NOT NULL vulnerabilities
conflict_checks conflict_checks_case_id_not_null: NOT NULL case_id
conflict_checks conflict_checks_checked_by_id_not_null: NOT NULL checked_by_id
conflict_checks conflict_checks_created_at_not_null: NOT NULL created_at
conflict_checks conflict_checks_id_not_null: NOT NULL id
conflict_checks conflict_checks_matches_check: CHECK ((jsonb_typeof(matches) = 'array'::text))
conflict_checks conflict_checks_matches_not_null: NOT NULL matches
conflict_checks conflict_checks_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
conflict_checks conflict_checks_organisation_id_checked_by_id_fkey: FOREIGN KEY (organisation_id, checked_by_id) REFERENCES users(organisation_id, id)
conflict_checks conflict_checks_organisation_id_id_key: UNIQUE (organisation_id, id)
conflict_checks conflict_checks_organisation_id_not_null: NOT NULL organisation_id
conflict_checks conflict_checks_organisation_id_party_id_fkey: FOREIGN KEY (organisation_id, party_id) REFERENCES case_parties(organisation_id, id) ON DELETE SET NULL (party_id)
conflict_checks conflict_checks_pkey: PRIMARY KEY (id)
conflict_checks conflict_checks_reason_check: CHECK ((length(reason) <= 2000))
conflict_checks conflict_checks_reason_given: CHECK (((result = 'no_conflict'::text) OR (length(TRIM(BOTH FROM reason)) > 0)))
conflict_checks conflict_checks_result_check: CHECK ((result = ANY (ARRAY['no_conflict'::text, 'conflict_can_proceed'::text, 'cannot_act'::text])))
conflict_checks conflict_checks_result_not_null: NOT NULL result
conflict_checks conflict_checks_searched_name_check: CHECK (((length(searched_name) >= 1) AND (length(searched_name) <= 200)))
conflict_checks conflict_checks_searched_name_not_null: NOT NULL searched_name
conflict_checks conflict_checks_searched_postcode_district_check: CHECK ((searched_postcode_district ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'::text))
conflict_checks conflict_checks_subject_check: CHECK ((subject = ANY (ARRAY['client'::text, 'party'::text])))
conflict_checks conflict_checks_subject_not_null: NOT NULL subject
conflict_checks conflict_checks_updated_at_not_null: NOT NULL updated_at
conflict_checks conflict_checks_version_not_null: NOT NULL version
fee_default_rates fee_default_rates_category_not_null: NOT NULL category
fee_default_rates fee_default_rates_effective_from_not_null: NOT NULL effective_from
fee_default_rates fee_default_rates_fixed_fee_gbp_not_null: NOT NULL fixed_fee_gbp
fee_default_rates fee_default_rates_pkey: PRIMARY KEY (category, effective_from)
fee_rates fee_rates_category_check: CHECK ((category = ANY (ARRAY['housing'::text, 'welfare_benefits'::text, 'debt'::text, 'employment'::text, 'immigration'::text, 'community_care'::text])))
fee_rates fee_rates_category_not_null: NOT NULL category
fee_rates fee_rates_created_at_not_null: NOT NULL created_at
fee_rates fee_rates_created_by_fkey: FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
fee_rates fee_rates_effective_from_check: CHECK ((effective_from >= '1990-01-01'::date))
fee_rates fee_rates_effective_from_not_null: NOT NULL effective_from
fee_rates fee_rates_escape_threshold_gbp_check: CHECK (((escape_threshold_gbp > (0)::numeric) AND (escape_threshold_gbp < (1000000)::numeric)))
fee_rates fee_rates_fixed_fee_gbp_check: CHECK (((fixed_fee_gbp > (0)::numeric) AND (fixed_fee_gbp < (1000000)::numeric)))
fee_rates fee_rates_fixed_fee_gbp_not_null: NOT NULL fixed_fee_gbp
fee_rates fee_rates_hourly_rate_gbp_check: CHECK (((hourly_rate_gbp > (0)::numeric) AND (hourly_rate_gbp < (1000000)::numeric)))
fee_rates fee_rates_id_not_null: NOT NULL id
fee_rates fee_rates_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
fee_rates fee_rates_organisation_id_id_key: UNIQUE (organisation_id, id)
fee_rates fee_rates_organisation_id_not_null: NOT NULL organisation_id
fee_rates fee_rates_organisation_id_version_category_effective_from_key: UNIQUE (organisation_id, version, category, effective_from)
fee_rates fee_rates_pkey: PRIMARY KEY (id)
fee_rates fee_rates_source_check: CHECK (((length(source) >= 1) AND (length(source) <= 500)))
fee_rates fee_rates_source_not_null: NOT NULL source
fee_rates fee_rates_updated_at_not_null: NOT NULL updated_at
fee_rates fee_rates_version_check: CHECK ((version >= 1))
fee_rates fee_rates_version_not_null: NOT NULL version
feedback feedback_case_id_not_null: NOT NULL case_id
feedback feedback_comment_check: CHECK ((length(comment) <= 5000))
feedback feedback_created_at_not_null: NOT NULL created_at
feedback feedback_id_not_null: NOT NULL id
feedback feedback_items_check: CHECK (feedback_scores_valid(items))
feedback feedback_items_not_null: NOT NULL items
feedback feedback_on_not_null: NOT NULL "on"
feedback feedback_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
feedback feedback_organisation_id_not_null: NOT NULL organisation_id
feedback feedback_pkey: PRIMARY KEY (id)
feedback feedback_source_check: CHECK ((source = ANY (ARRAY['paper'::text, 'link'::text, 'in_person'::text])))
feedback feedback_source_not_null: NOT NULL source
feedback feedback_updated_at_not_null: NOT NULL updated_at
feedback feedback_version_not_null: NOT NULL version
feedback_items feedback_items_active_not_null: NOT NULL active
feedback_items feedback_items_key_check: CHECK ((key ~ '^[a-z][a-z0-9_]{0,49}$'::text))
feedback_items feedback_items_key_not_null: NOT NULL key
feedback_items feedback_items_label_check: CHECK (((length(label) >= 1) AND (length(label) <= 200)))
feedback_items feedback_items_label_not_null: NOT NULL label
feedback_items feedback_items_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
feedback_items feedback_items_organisation_id_not_null: NOT NULL organisation_id
feedback_items feedback_items_pkey: PRIMARY KEY (organisation_id, key)
feedback_items feedback_items_position_not_null: NOT NULL "position"
feedback_links feedback_links_case_id_not_null: NOT NULL case_id
feedback_links feedback_links_created_at_not_null: NOT NULL created_at
feedback_links feedback_links_created_by_fkey: FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
feedback_links feedback_links_expires_at_not_null: NOT NULL expires_at
feedback_links feedback_links_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
feedback_links feedback_links_organisation_id_not_null: NOT NULL organisation_id
feedback_links feedback_links_pkey: PRIMARY KEY (token_hash)
feedback_links feedback_links_token_hash_not_null: NOT NULL token_hash
file_reviews file_reviews_actions_check: CHECK ((length(actions) <= 2000))
file_reviews file_reviews_case_id_not_null: NOT NULL case_id
file_reviews file_reviews_created_at_not_null: NOT NULL created_at
file_reviews file_reviews_id_not_null: NOT NULL id
file_reviews file_reviews_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
file_reviews file_reviews_organisation_id_id_key: UNIQUE (organisation_id, id)
file_reviews file_reviews_organisation_id_not_null: NOT NULL organisation_id
file_reviews file_reviews_organisation_id_reviewer_id_fkey: FOREIGN KEY (organisation_id, reviewer_id) REFERENCES users(organisation_id, id)
file_reviews file_reviews_outcome_check: CHECK ((outcome = ANY (ARRAY['satisfactory'::text, 'actions_needed'::text, 'unsatisfactory'::text])))
file_reviews file_reviews_outcome_not_null: NOT NULL outcome
file_reviews file_reviews_pkey: PRIMARY KEY (id)
file_reviews file_reviews_reviewed_on_check: CHECK ((reviewed_on >= '1990-01-01'::date))
file_reviews file_reviews_reviewed_on_not_null: NOT NULL reviewed_on
file_reviews file_reviews_reviewer_id_not_null: NOT NULL reviewer_id
file_reviews file_reviews_updated_at_not_null: NOT NULL updated_at
file_reviews file_reviews_version_not_null: NOT NULL version
follow_ups follow_ups_case_id_not_null: NOT NULL case_id
follow_ups follow_ups_created_at_not_null: NOT NULL created_at
follow_ups follow_ups_id_not_null: NOT NULL id
follow_ups follow_ups_on_not_null: NOT NULL "on"
follow_ups follow_ups_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
follow_ups follow_ups_organisation_id_not_null: NOT NULL organisation_id
follow_ups follow_ups_pkey: PRIMARY KEY (id)
follow_ups follow_ups_recontact_check: CHECK ((recontact = ANY (ARRAY['none'::text, 'same_problem'::text, 'new_problem'::text])))
follow_ups follow_ups_recontact_not_null: NOT NULL recontact
follow_ups follow_ups_updated_at_not_null: NOT NULL updated_at
follow_ups follow_ups_version_not_null: NOT NULL version
idempotency_keys idempotency_keys_created_at_not_null: NOT NULL created_at
idempotency_keys idempotency_keys_key_check: CHECK (((length(key) >= 1) AND (length(key) <= 200)))
idempotency_keys idempotency_keys_key_not_null: NOT NULL key
idempotency_keys idempotency_keys_method_not_null: NOT NULL method
idempotency_keys idempotency_keys_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
idempotency_keys idempotency_keys_organisation_id_not_null: NOT NULL organisation_id
idempotency_keys idempotency_keys_path_not_null: NOT NULL path
idempotency_keys idempotency_keys_pkey: PRIMARY KEY (organisation_id, key)
idempotency_keys idempotency_keys_request_hash_not_null: NOT NULL request_hash
import_jobs import_jobs_cases_read_not_null: NOT NULL cases_read
import_jobs import_jobs_created_at_not_null: NOT NULL created_at
import_jobs import_jobs_errors_not_null: NOT NULL errors
import_jobs import_jobs_id_not_null: NOT NULL id
import_jobs import_jobs_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
import_jobs import_jobs_pkey: PRIMARY KEY (id)
import_jobs import_jobs_status_check: CHECK ((status = ANY (ARRAY['queued'::text, 'running'::text, 'succeeded'::text, 'failed'::text])))
import_jobs import_jobs_status_not_null: NOT NULL status
import_jobs import_jobs_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE SET NULL
key_date_changes key_date_changes_case_id_not_null: NOT NULL case_id
key_date_changes key_date_changes_change_check: CHECK ((change = ANY (ARRAY['added'::text, 'changed'::text, 'done'::text, 'reopened'::text, 'removed'::text])))
key_date_changes key_date_changes_change_not_null: NOT NULL change
key_date_changes key_date_changes_changed_at_not_null: NOT NULL changed_at
key_date_changes key_date_changes_changed_by_id_not_null: NOT NULL changed_by_id
key_date_changes key_date_changes_created_at_not_null: NOT NULL created_at
key_date_changes key_date_changes_due_on_check: CHECK ((due_on >= '1990-01-01'::date))
key_date_changes key_date_changes_due_on_not_null: NOT NULL due_on
key_date_changes key_date_changes_id_not_null: NOT NULL id
key_date_changes key_date_changes_key_date_id_not_null: NOT NULL key_date_id
key_date_changes key_date_changes_kind_check: CHECK ((kind = ANY (ARRAY['limitation'::text, 'hearing'::text, 'deadline'::text, 'task'::text])))
key_date_changes key_date_changes_kind_not_null: NOT NULL kind
key_date_changes key_date_changes_organisation_id_assignee_id_fkey: FOREIGN KEY (organisation_id, assignee_id) REFERENCES users(organisation_id, id)
key_date_changes key_date_changes_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
key_date_changes key_date_changes_organisation_id_changed_by_id_fkey: FOREIGN KEY (organisation_id, changed_by_id) REFERENCES users(organisation_id, id)
key_date_changes key_date_changes_organisation_id_not_null: NOT NULL organisation_id
key_date_changes key_date_changes_pkey: PRIMARY KEY (id)
key_date_changes key_date_changes_title_check: CHECK (((length(title) >= 1) AND (length(title) <= 200)))
key_date_changes key_date_changes_title_not_null: NOT NULL title
key_date_changes key_date_changes_updated_at_not_null: NOT NULL updated_at
key_date_changes key_date_changes_version_not_null: NOT NULL version
key_dates key_dates_case_id_not_null: NOT NULL case_id
key_dates key_dates_created_at_not_null: NOT NULL created_at
key_dates key_dates_created_by_id_not_null: NOT NULL created_by_id
key_dates key_dates_due_on_check: CHECK ((due_on >= '1990-01-01'::date))
key_dates key_dates_due_on_not_null: NOT NULL due_on
key_dates key_dates_id_not_null: NOT NULL id
key_dates key_dates_kind_check: CHECK ((kind = ANY (ARRAY['limitation'::text, 'hearing'::text, 'deadline'::text, 'task'::text])))
key_dates key_dates_kind_not_null: NOT NULL kind
key_dates key_dates_note_check: CHECK ((length(note) <= 2000))
key_dates key_dates_organisation_id_assignee_id_fkey: FOREIGN KEY (organisation_id, assignee_id) REFERENCES users(organisation_id, id)
key_dates key_dates_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
key_dates key_dates_organisation_id_created_by_id_fkey: FOREIGN KEY (organisation_id, created_by_id) REFERENCES users(organisation_id, id)
key_dates key_dates_organisation_id_id_key: UNIQUE (organisation_id, id)
key_dates key_dates_organisation_id_not_null: NOT NULL organisation_id
key_dates key_dates_pkey: PRIMARY KEY (id)
key_dates key_dates_title_check: CHECK (((length(title) >= 1) AND (length(title) <= 200)))
key_dates key_dates_title_not_null: NOT NULL title
key_dates key_dates_updated_at_not_null: NOT NULL updated_at
key_dates key_dates_version_not_null: NOT NULL version
letter_templates letter_templates_body_check: CHECK (((length(body) >= 1) AND (length(body) <= 20000)))
letter_templates letter_templates_body_not_null: NOT NULL body
letter_templates letter_templates_created_at_not_null: NOT NULL created_at
letter_templates letter_templates_id_not_null: NOT NULL id
letter_templates letter_templates_key_check: CHECK ((key = ANY (ARRAY['client_care'::text, 'authority'::text, 'closing'::text])))
letter_templates letter_templates_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 120)))
letter_templates letter_templates_name_not_null: NOT NULL name
letter_templates letter_templates_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
letter_templates letter_templates_organisation_id_id_key: UNIQUE (organisation_id, id)
letter_templates letter_templates_organisation_id_key_key: UNIQUE (organisation_id, key)
letter_templates letter_templates_organisation_id_name_key: UNIQUE (organisation_id, name)
letter_templates letter_templates_organisation_id_not_null: NOT NULL organisation_id
letter_templates letter_templates_organisation_id_updated_by_id_fkey: FOREIGN KEY (organisation_id, updated_by_id) REFERENCES users(organisation_id, id)
letter_templates letter_templates_pkey: PRIMARY KEY (id)
letter_templates letter_templates_updated_at_not_null: NOT NULL updated_at
letter_templates letter_templates_version_not_null: NOT NULL version
migrations PK_8c82d7f526340ab734260ea46be: PRIMARY KEY (id)
migrations migrations_id_not_null: NOT NULL id
migrations migrations_name_not_null: NOT NULL name
migrations migrations_timestamp_not_null: NOT NULL "timestamp"
offices offices_created_at_not_null: NOT NULL created_at
offices offices_id_not_null: NOT NULL id
offices offices_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 200)))
offices offices_name_not_null: NOT NULL name
offices offices_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
offices offices_organisation_id_id_key: UNIQUE (organisation_id, id)
offices offices_organisation_id_not_null: NOT NULL organisation_id
offices offices_organisation_id_ref_key: UNIQUE (organisation_id, ref)
offices offices_pkey: PRIMARY KEY (id)
offices offices_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
offices offices_ref_not_null: NOT NULL ref
offices offices_updated_at_not_null: NOT NULL updated_at
offices offices_version_not_null: NOT NULL version
organisation_funding organisation_funding_amount_gbp_check: CHECK ((amount_gbp > (0)::numeric))
organisation_funding organisation_funding_amount_gbp_not_null: NOT NULL amount_gbp
organisation_funding organisation_funding_check: CHECK ((period_to >= period_from))
organisation_funding organisation_funding_created_at_not_null: NOT NULL created_at
organisation_funding organisation_funding_funder_check: CHECK (((length(funder) >= 1) AND (length(funder) <= 200)))
organisation_funding organisation_funding_funder_not_null: NOT NULL funder
organisation_funding organisation_funding_id_not_null: NOT NULL id
organisation_funding organisation_funding_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
organisation_funding organisation_funding_organisation_id_id_key: UNIQUE (organisation_id, id)
organisation_funding organisation_funding_organisation_id_not_null: NOT NULL organisation_id
organisation_funding organisation_funding_period_from_check: CHECK ((period_from >= '1990-01-01'::date))
organisation_funding organisation_funding_period_from_not_null: NOT NULL period_from
organisation_funding organisation_funding_period_to_not_null: NOT NULL period_to
organisation_funding organisation_funding_pkey: PRIMARY KEY (id)
organisation_shares organisation_shares_check: CHECK ((provider_id <> commissioner_id))
organisation_shares organisation_shares_commissioner_id_fkey: FOREIGN KEY (commissioner_id) REFERENCES organisations(id) ON DELETE CASCADE
organisation_shares organisation_shares_commissioner_id_not_null: NOT NULL commissioner_id
organisation_shares organisation_shares_created_at_not_null: NOT NULL created_at
organisation_shares organisation_shares_created_by_fkey: FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
organisation_shares organisation_shares_pkey: PRIMARY KEY (provider_id, commissioner_id)
organisation_shares organisation_shares_provider_id_fkey: FOREIGN KEY (provider_id) REFERENCES organisations(id) ON DELETE CASCADE
organisation_shares organisation_shares_provider_id_not_null: NOT NULL provider_id
organisations organisations_created_at_not_null: NOT NULL created_at
organisations organisations_id_not_null: NOT NULL id
organisations organisations_kind_check: CHECK ((kind = ANY (ARRAY['provider'::text, 'commissioner'::text])))
organisations organisations_kind_not_null: NOT NULL kind
organisations organisations_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 200)))
organisations organisations_name_not_null: NOT NULL name
organisations organisations_pkey: PRIMARY KEY (id)
organisations organisations_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
organisations organisations_ref_key: UNIQUE (ref)
organisations organisations_ref_not_null: NOT NULL ref
organisations organisations_settings_not_null: NOT NULL settings
organisations organisations_updated_at_not_null: NOT NULL updated_at
organisations organisations_version_not_null: NOT NULL version
outbox_messages outbox_messages_attempts_check: CHECK ((attempts >= 0))
outbox_messages outbox_messages_attempts_not_null: NOT NULL attempts
outbox_messages outbox_messages_body_check: CHECK (((length(body) >= 1) AND (length(body) <= 20000)))
outbox_messages outbox_messages_body_not_null: NOT NULL body
outbox_messages outbox_messages_check: CHECK (((kind = 'key_date_reminder'::text) = (reminder_on IS NOT NULL)))
outbox_messages outbox_messages_created_at_not_null: NOT NULL created_at
outbox_messages outbox_messages_id_not_null: NOT NULL id
outbox_messages outbox_messages_kind_check: CHECK ((kind = ANY (ARRAY['invitation'::text, 'password_reset'::text, 'key_date_reminder'::text])))
outbox_messages outbox_messages_kind_not_null: NOT NULL kind
outbox_messages outbox_messages_last_error_check: CHECK ((length(last_error) <= 2000))
outbox_messages outbox_messages_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
outbox_messages outbox_messages_organisation_id_id_key: UNIQUE (organisation_id, id)
outbox_messages outbox_messages_organisation_id_not_null: NOT NULL organisation_id
outbox_messages outbox_messages_organisation_id_to_user_id_fkey: FOREIGN KEY (organisation_id, to_user_id) REFERENCES users(organisation_id, id)
outbox_messages outbox_messages_pkey: PRIMARY KEY (id)
outbox_messages outbox_messages_status_check: CHECK ((status = ANY (ARRAY['queued'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'held'::text, 'withdrawn'::text])))
outbox_messages outbox_messages_status_not_null: NOT NULL status
outbox_messages outbox_messages_subject_check: CHECK (((length(subject) >= 1) AND (length(subject) <= 200)))
outbox_messages outbox_messages_subject_not_null: NOT NULL subject
outbox_messages outbox_messages_to_address_check: CHECK (((length(to_address) >= 3) AND (length(to_address) <= 320)))
outbox_messages outbox_messages_to_address_not_null: NOT NULL to_address
outbox_messages outbox_messages_to_user_id_not_null: NOT NULL to_user_id
outcome_benefits outcome_benefits_amount_gbp_check: CHECK (((amount_gbp >= (0)::numeric) AND (amount_gbp < (10000000)::numeric)))
outcome_benefits outcome_benefits_case_id_not_null: NOT NULL case_id
outcome_benefits outcome_benefits_created_at_not_null: NOT NULL created_at
outcome_benefits outcome_benefits_id_not_null: NOT NULL id
outcome_benefits outcome_benefits_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
outcome_benefits outcome_benefits_organisation_id_not_null: NOT NULL organisation_id
outcome_benefits outcome_benefits_pkey: PRIMARY KEY (id)
outcome_benefits outcome_benefits_type_check: CHECK ((type = ANY (ARRAY['eviction_avoided'::text, 'home_kept'::text, 'benefit_awarded'::text, 'benefit_reinstated'::text, 'debt_written_off'::text, 'debt_made_manageable'::text, 'employment_kept'::text, 'immigration_status_secured'::text, 'care_package_secured'::text, 'other'::text])))
outcome_benefits outcome_benefits_type_not_null: NOT NULL type
outcome_benefits outcome_benefits_updated_at_not_null: NOT NULL updated_at
outcome_benefits outcome_benefits_version_not_null: NOT NULL version
outcomes outcomes_appeal_check: CHECK ((appeal = ANY (ARRAY['none_needed'::text, 'lodged'::text, 'considered_not_pursued'::text])))
outcomes outcomes_appeal_not_pursued_reason_check: CHECK ((appeal_not_pursued_reason = ANY (ARRAY['accepted_outcome'::text, 'no_merit_advised'::text, 'client_could_not_face_it'::text, 'out_of_time'::text, 'other'::text])))
outcomes outcomes_case_id_not_null: NOT NULL case_id
outcomes outcomes_check: CHECK (((appeal_not_pursued_reason IS NULL) OR (appeal = 'considered_not_pursued'::text)))
outcomes outcomes_confidence_after_check: CHECK (((confidence_after >= 1) AND (confidence_after <= 5)))
outcomes outcomes_confidence_before_check: CHECK (((confidence_before >= 1) AND (confidence_before <= 5)))
outcomes outcomes_created_at_not_null: NOT NULL created_at
outcomes outcomes_id_not_null: NOT NULL id
outcomes outcomes_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
outcomes outcomes_organisation_id_case_id_key: UNIQUE (organisation_id, case_id)
outcomes outcomes_organisation_id_not_null: NOT NULL organisation_id
outcomes outcomes_pkey: PRIMARY KEY (id)
outcomes outcomes_result_check: CHECK ((result = ANY (ARRAY['positive'::text, 'partly_positive'::text, 'negative'::text, 'withdrawn'::text, 'lost_contact'::text])))
outcomes outcomes_result_not_null: NOT NULL result
outcomes outcomes_understood_check: CHECK (((understood >= 1) AND (understood <= 5)))
outcomes outcomes_updated_at_not_null: NOT NULL updated_at
outcomes outcomes_version_not_null: NOT NULL version
partners partners_contact_check: CHECK ((length(contact) <= 500))
partners partners_created_at_not_null: NOT NULL created_at
partners partners_id_not_null: NOT NULL id
partners partners_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 200)))
partners partners_name_not_null: NOT NULL name
partners partners_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
partners partners_organisation_id_id_key: UNIQUE (organisation_id, id)
partners partners_organisation_id_not_null: NOT NULL organisation_id
partners partners_organisation_id_ref_key: UNIQUE (organisation_id, ref)
partners partners_pkey: PRIMARY KEY (id)
partners partners_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
partners partners_ref_not_null: NOT NULL ref
partners partners_service_check: CHECK ((length(service) <= 500))
partners partners_updated_at_not_null: NOT NULL updated_at
partners partners_version_not_null: NOT NULL version
password_tokens password_tokens_created_at_not_null: NOT NULL created_at
password_tokens password_tokens_created_by_fkey: FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
password_tokens password_tokens_expires_at_not_null: NOT NULL expires_at
password_tokens password_tokens_id_not_null: NOT NULL id
password_tokens password_tokens_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
password_tokens password_tokens_organisation_id_not_null: NOT NULL organisation_id
password_tokens password_tokens_pkey: PRIMARY KEY (id)
password_tokens password_tokens_purpose_check: CHECK ((purpose = ANY (ARRAY['invite'::text, 'reset'::text])))
password_tokens password_tokens_purpose_not_null: NOT NULL purpose
password_tokens password_tokens_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
password_tokens password_tokens_user_id_not_null: NOT NULL user_id
referrals referrals_case_id_not_null: NOT NULL case_id
referrals referrals_created_at_not_null: NOT NULL created_at
referrals referrals_direction_check: CHECK ((direction = ANY (ARRAY['in'::text, 'out'::text])))
referrals referrals_direction_not_null: NOT NULL direction
referrals referrals_id_not_null: NOT NULL id
referrals referrals_kind_check: CHECK ((kind = ANY (ARRAY['warm_handover'::text, 'signpost'::text])))
referrals referrals_kind_not_null: NOT NULL kind
referrals referrals_note_check: CHECK ((length(note) <= 2000))
referrals referrals_on_not_null: NOT NULL "on"
referrals referrals_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
referrals referrals_organisation_id_not_null: NOT NULL organisation_id
referrals referrals_organisation_id_partner_id_fkey: FOREIGN KEY (organisation_id, partner_id) REFERENCES partners(organisation_id, id)
referrals referrals_partner_id_not_null: NOT NULL partner_id
referrals referrals_pkey: PRIMARY KEY (id)
referrals referrals_updated_at_not_null: NOT NULL updated_at
referrals referrals_version_not_null: NOT NULL version
sessions sessions_created_at_not_null: NOT NULL created_at
sessions sessions_csrf_token_not_null: NOT NULL csrf_token
sessions sessions_expires_at_not_null: NOT NULL expires_at
sessions sessions_id_not_null: NOT NULL id
sessions sessions_last_seen_at_not_null: NOT NULL last_seen_at
sessions sessions_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
sessions sessions_organisation_id_not_null: NOT NULL organisation_id
sessions sessions_pkey: PRIMARY KEY (id)
sessions sessions_second_factor_pending_not_null: NOT NULL second_factor_pending
sessions sessions_user_id_fkey: FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
sessions sessions_user_id_not_null: NOT NULL user_id
sheet_mappings sheet_mappings_mapping_not_null: NOT NULL mapping
sheet_mappings sheet_mappings_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 100)))
sheet_mappings sheet_mappings_name_not_null: NOT NULL name
sheet_mappings sheet_mappings_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
sheet_mappings sheet_mappings_organisation_id_not_null: NOT NULL organisation_id
sheet_mappings sheet_mappings_pkey: PRIMARY KEY (organisation_id, name)
sheet_mappings sheet_mappings_updated_at_not_null: NOT NULL updated_at
sign_in_attempts sign_in_attempts_attempts_not_null: NOT NULL attempts
sign_in_attempts sign_in_attempts_email_not_null: NOT NULL email
sign_in_attempts sign_in_attempts_last_attempt_at_not_null: NOT NULL last_attempt_at
sign_in_attempts sign_in_attempts_next_allowed_at_not_null: NOT NULL next_allowed_at
sign_in_attempts sign_in_attempts_pkey: PRIMARY KEY (email, source)
sign_in_attempts sign_in_attempts_source_not_null: NOT NULL source
subcategories subcategories_active_not_null: NOT NULL active
subcategories subcategories_category_check: CHECK ((category = ANY (ARRAY['housing'::text, 'welfare_benefits'::text, 'debt'::text, 'employment'::text, 'immigration'::text, 'community_care'::text])))
subcategories subcategories_category_not_null: NOT NULL category
subcategories subcategories_key_check: CHECK (((length(key) >= 1) AND (length(key) <= 100)))
subcategories subcategories_key_not_null: NOT NULL key
subcategories subcategories_label_check: CHECK (((length(label) >= 1) AND (length(label) <= 100)))
subcategories subcategories_label_not_null: NOT NULL label
subcategories subcategories_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
subcategories subcategories_organisation_id_not_null: NOT NULL organisation_id
subcategories subcategories_pkey: PRIMARY KEY (organisation_id, category, key)
subcategories subcategories_position_not_null: NOT NULL "position"
time_entries time_entries_activity_check: CHECK ((activity = ANY (ARRAY['initial_interview'::text, 'advice_session'::text, 'follow_up_contact'::text, 'research'::text, 'letter'::text, 'negotiation'::text, 'advocacy'::text, 'preparation'::text, 'forms'::text, 'funder_reporting'::text, 'billing'::text, 'travel'::text, 'other'::text])))
time_entries time_entries_activity_not_null: NOT NULL activity
time_entries time_entries_adviser_id_not_null: NOT NULL adviser_id
time_entries time_entries_case_id_not_null: NOT NULL case_id
time_entries time_entries_case_key: UNIQUE (organisation_id, case_id, id)
time_entries time_entries_class_check: CHECK ((class = ANY (ARRAY['relationship'::text, 'casework'::text, 'administration'::text, 'travel'::text])))
time_entries time_entries_class_not_null: NOT NULL class
time_entries time_entries_created_at_not_null: NOT NULL created_at
time_entries time_entries_id_not_null: NOT NULL id
time_entries time_entries_minutes_check: CHECK (((minutes >= 1) AND (minutes <= 1440)))
time_entries time_entries_minutes_not_null: NOT NULL minutes
time_entries time_entries_mode_check: CHECK ((mode = ANY (ARRAY['face_to_face'::text, 'phone'::text, 'video'::text, 'home_visit'::text, 'letter_email'::text, 'hearing'::text, 'none'::text])))
time_entries time_entries_mode_not_null: NOT NULL mode
time_entries time_entries_note_check: CHECK ((length(note) <= 2000))
time_entries time_entries_on_check: CHECK (("on" >= '1990-01-01'::date))
time_entries time_entries_on_not_null: NOT NULL "on"
time_entries time_entries_organisation_id_adviser_id_fkey: FOREIGN KEY (organisation_id, adviser_id) REFERENCES users(organisation_id, id)
time_entries time_entries_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
time_entries time_entries_organisation_id_not_null: NOT NULL organisation_id
time_entries time_entries_pkey: PRIMARY KEY (id)
time_entries time_entries_updated_at_not_null: NOT NULL updated_at
time_entries time_entries_version_not_null: NOT NULL version
underlying_problems underlying_problems_action_check: CHECK ((action = ANY (ARRAY['handled_in_house'::text, 'referred_warm'::text, 'signposted'::text, 'client_declined'::text])))
underlying_problems underlying_problems_action_not_null: NOT NULL action
underlying_problems underlying_problems_case_id_not_null: NOT NULL case_id
underlying_problems underlying_problems_category_check: CHECK ((category = ANY (ARRAY['housing'::text, 'welfare_benefits'::text, 'debt'::text, 'employment'::text, 'immigration'::text, 'community_care'::text])))
underlying_problems underlying_problems_category_not_null: NOT NULL category
underlying_problems underlying_problems_created_at_not_null: NOT NULL created_at
underlying_problems underlying_problems_description_check: CHECK ((length(description) <= 2000))
underlying_problems underlying_problems_id_not_null: NOT NULL id
underlying_problems underlying_problems_organisation_id_case_id_fkey: FOREIGN KEY (organisation_id, case_id) REFERENCES cases(organisation_id, id) ON DELETE CASCADE
underlying_problems underlying_problems_organisation_id_not_null: NOT NULL organisation_id
underlying_problems underlying_problems_organisation_id_partner_id_fkey: FOREIGN KEY (organisation_id, partner_id) REFERENCES partners(organisation_id, id)
underlying_problems underlying_problems_pkey: PRIMARY KEY (id)
underlying_problems underlying_problems_result_check: CHECK ((result = ANY (ARRAY['positive'::text, 'partly_positive'::text, 'negative'::text, 'withdrawn'::text, 'lost_contact'::text])))
underlying_problems underlying_problems_uncovered_on_not_null: NOT NULL uncovered_on
underlying_problems underlying_problems_updated_at_not_null: NOT NULL updated_at
underlying_problems underlying_problems_version_not_null: NOT NULL version
unit_cost_versions unit_cost_versions_created_at_not_null: NOT NULL created_at
unit_cost_versions unit_cost_versions_created_by_fkey: FOREIGN KEY (created_by) REFERENCES users(id) ON DELETE SET NULL
unit_cost_versions unit_cost_versions_hourly_cost_gbp_check: CHECK (((hourly_cost_gbp > (0)::numeric) AND (hourly_cost_gbp < (100000)::numeric)))
unit_cost_versions unit_cost_versions_id_not_null: NOT NULL id
unit_cost_versions unit_cost_versions_mapping_check: CHECK ((jsonb_typeof(mapping) = 'array'::text))
unit_cost_versions unit_cost_versions_mapping_not_null: NOT NULL mapping
unit_cost_versions unit_cost_versions_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
unit_cost_versions unit_cost_versions_organisation_id_id_key: UNIQUE (organisation_id, id)
unit_cost_versions unit_cost_versions_organisation_id_not_null: NOT NULL organisation_id
unit_cost_versions unit_cost_versions_organisation_id_version_key: UNIQUE (organisation_id, version)
unit_cost_versions unit_cost_versions_pkey: PRIMARY KEY (id)
unit_cost_versions unit_cost_versions_rows_check: CHECK ((jsonb_typeof(rows) = 'array'::text))
unit_cost_versions unit_cost_versions_rows_not_null: NOT NULL rows
unit_cost_versions unit_cost_versions_sensitivity_check: CHECK ((jsonb_typeof(sensitivity) = 'object'::text))
unit_cost_versions unit_cost_versions_sensitivity_not_null: NOT NULL sensitivity
unit_cost_versions unit_cost_versions_version_check: CHECK ((version >= 1))
unit_cost_versions unit_cost_versions_version_not_null: NOT NULL version
users users_active_not_null: NOT NULL active
users users_created_at_not_null: NOT NULL created_at
users users_email_check: CHECK (((email = lower(email)) AND ((length(email) >= 3) AND (length(email) <= 320))))
users users_id_not_null: NOT NULL id
users users_name_check: CHECK (((length(name) >= 1) AND (length(name) <= 200)))
users users_name_not_null: NOT NULL name
users users_organisation_id_fkey: FOREIGN KEY (organisation_id) REFERENCES organisations(id) ON DELETE CASCADE
users users_organisation_id_id_key: UNIQUE (organisation_id, id)
users users_organisation_id_not_null: NOT NULL organisation_id
users users_organisation_id_office_id_fkey: FOREIGN KEY (organisation_id, office_id) REFERENCES offices(organisation_id, id)
users users_organisation_id_ref_key: UNIQUE (organisation_id, ref)
users users_pkey: PRIMARY KEY (id)
users users_ref_check: CHECK (((length(ref) >= 1) AND (length(ref) <= 100)))
users users_role_check: CHECK ((role = ANY (ARRAY['adviser'::text, 'manager'::text, 'commissioner'::text, 'admin'::text])))
users users_role_not_null: NOT NULL role
users users_totp_enabled_has_secret: CHECK (((NOT totp_enabled) OR (totp_secret IS NOT NULL)))
users users_totp_enabled_not_null: NOT NULL totp_enabled
users users_updated_at_not_null: NOT NULL updated_at
users users_version_not_null: NOT NULL version

-- Indexes
CREATE UNIQUE INDEX adviser_assessments_organisation_id_case_id_key ON public.adviser_assessments USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX adviser_assessments_pkey ON public.adviser_assessments USING btree (id)
CREATE UNIQUE INDEX audit_chain_heads_pkey ON public.audit_chain_heads USING btree (organisation_id)
CREATE INDEX audit_log_chain_idx ON public.audit_log USING btree (organisation_id, chain_seq)
CREATE INDEX audit_log_entity_ids_idx ON public.audit_log USING gin (entity_ids)
CREATE INDEX audit_log_org_idx ON public.audit_log USING btree (organisation_id, at DESC)
CREATE UNIQUE INDEX audit_log_pkey ON public.audit_log USING btree (id)
CREATE UNIQUE INDEX audit_pending_pkey ON public.audit_pending USING btree (id)
CREATE INDEX case_documents_case_idx ON public.case_documents USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX case_documents_organisation_id_id_key ON public.case_documents USING btree (organisation_id, id)
CREATE UNIQUE INDEX case_documents_pkey ON public.case_documents USING btree (id)
CREATE INDEX case_facts_model_idx ON public.case_facts USING btree (organisation_id, closed_on) INCLUDE (relationship_minutes, category, vulnerability_count, funding_stream, result, accepted, appeal, problems_count, same_problem_recontact_6m, appeal_not_pursued_reason, followed_up)
CREATE INDEX case_facts_org_adviser_idx ON public.case_facts USING btree (organisation_id, lead_adviser_id, closed_on)
CREATE INDEX case_facts_org_closed_idx ON public.case_facts USING btree (organisation_id, closed_on)
CREATE UNIQUE INDEX case_facts_pkey ON public.case_facts USING btree (case_id)
CREATE INDEX case_fee_minute_rollups_closing_idx ON public.case_fee_minute_rollups USING btree (organisation_id, closed_month)
CREATE UNIQUE INDEX case_fee_minute_rollups_pkey ON public.case_fee_minute_rollups USING btree (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent)
CREATE INDEX case_fee_rollups_closing_idx ON public.case_fee_rollups USING btree (organisation_id, closed_month)
CREATE UNIQUE INDEX case_fee_rollups_pkey ON public.case_fee_rollups USING btree (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour)
CREATE UNIQUE INDEX case_legal_aid_organisation_id_case_id_key ON public.case_legal_aid USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX case_legal_aid_organisation_id_id_key ON public.case_legal_aid USING btree (organisation_id, id)
CREATE UNIQUE INDEX case_legal_aid_organisation_id_ufn_key ON public.case_legal_aid USING btree (organisation_id, ufn)
CREATE UNIQUE INDEX case_legal_aid_pkey ON public.case_legal_aid USING btree (id)
CREATE INDEX case_measure_rollups_closing_idx ON public.case_measure_rollups USING btree (organisation_id, closed_on)
CREATE UNIQUE INDEX case_measure_rollups_pkey ON public.case_measure_rollups USING btree (organisation_id, dim, dim_value, closed_on)
CREATE UNIQUE INDEX case_note_revisions_note_id_revision_key ON public.case_note_revisions USING btree (note_id, revision)
CREATE UNIQUE INDEX case_note_revisions_pkey ON public.case_note_revisions USING btree (id)
CREATE INDEX case_notes_body_trgm_idx ON public.case_notes USING gin (body gin_trgm_ops)
CREATE INDEX case_notes_case_idx ON public.case_notes USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX case_notes_organisation_id_id_key ON public.case_notes USING btree (organisation_id, id)
CREATE UNIQUE INDEX case_notes_pkey ON public.case_notes USING btree (id)
CREATE INDEX case_notes_time_entry_idx ON public.case_notes USING btree (time_entry_id) WHERE (time_entry_id IS NOT NULL)
CREATE INDEX case_parties_birth_idx ON public.case_parties USING btree (organisation_id, date_of_birth) WHERE (date_of_birth IS NOT NULL)
CREATE INDEX case_parties_case_idx ON public.case_parties USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX case_parties_organisation_id_id_key ON public.case_parties USING btree (organisation_id, id)
CREATE UNIQUE INDEX case_parties_pkey ON public.case_parties USING btree (id)
CREATE INDEX case_parties_search_keys_idx ON public.case_parties USING gin (search_keys(name))
CREATE INDEX case_parties_search_name_trgm_idx ON public.case_parties USING gin (lower(name) gin_trgm_ops)
CREATE INDEX case_parties_search_reference_idx ON public.case_parties USING btree (organisation_id, search_reference(reference)) WHERE (reference IS NOT NULL)
CREATE UNIQUE INDEX case_pattern_rollups_pkey ON public.case_pattern_rollups USING btree (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes)
CREATE INDEX case_pricing_rollups_closing_idx ON public.case_pricing_rollups USING btree (organisation_id, closed_month)
CREATE UNIQUE INDEX case_pricing_rollups_pkey ON public.case_pricing_rollups USING btree (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band)
CREATE UNIQUE INDEX case_rollups_pkey ON public.case_rollups USING btree (organisation_id, dim, dim_value, closed_on, band)
CREATE INDEX case_value_rollups_closing_idx ON public.case_value_rollups USING btree (organisation_id, closed_month)
CREATE UNIQUE INDEX case_value_rollups_pkey ON public.case_value_rollups USING btree (organisation_id, dim, dim_value, measure, closed_month, value)
CREATE INDEX cases_adviser_idx ON public.cases USING btree (organisation_id, lead_adviser_id, closed_on)
CREATE INDEX cases_client_idx ON public.cases USING btree (organisation_id, client_id)
CREATE UNIQUE INDEX cases_organisation_id_id_key ON public.cases USING btree (organisation_id, id)
CREATE UNIQUE INDEX cases_organisation_id_ref_key ON public.cases USING btree (organisation_id, ref)
CREATE UNIQUE INDEX cases_pkey ON public.cases USING btree (id)
CREATE INDEX clients_birth_idx ON public.clients USING btree (organisation_id, date_of_birth) WHERE (date_of_birth IS NOT NULL)
CREATE UNIQUE INDEX clients_organisation_id_id_key ON public.clients USING btree (organisation_id, id)
CREATE UNIQUE INDEX clients_organisation_id_ref_key ON public.clients USING btree (organisation_id, ref)
CREATE UNIQUE INDEX clients_pkey ON public.clients USING btree (id)
CREATE INDEX clients_search_keys_idx ON public.clients USING gin (search_keys(((COALESCE(first_name, ''::text) || ' '::text) || COALESCE(last_name, ''::text))))
CREATE INDEX clients_search_name_trgm_idx ON public.clients USING gin (lower(((COALESCE(first_name, ''::text) || ' '::text) || COALESCE(last_name, ''::text))) gin_trgm_ops)
CREATE INDEX conflict_checks_case_idx ON public.conflict_checks USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX conflict_checks_organisation_id_id_key ON public.conflict_checks USING btree (organisation_id, id)
CREATE UNIQUE INDEX conflict_checks_pkey ON public.conflict_checks USING btree (id)
CREATE UNIQUE INDEX fee_default_rates_pkey ON public.fee_default_rates USING btree (category, effective_from)
CREATE UNIQUE INDEX fee_rates_organisation_id_id_key ON public.fee_rates USING btree (organisation_id, id)
CREATE UNIQUE INDEX fee_rates_organisation_id_version_category_effective_from_key ON public.fee_rates USING btree (organisation_id, version, category, effective_from)
CREATE UNIQUE INDEX fee_rates_pkey ON public.fee_rates USING btree (id)
CREATE INDEX feedback_case_idx ON public.feedback USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX feedback_pkey ON public.feedback USING btree (id)
CREATE UNIQUE INDEX feedback_items_pkey ON public.feedback_items USING btree (organisation_id, key)
CREATE INDEX feedback_links_case_idx ON public.feedback_links USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX feedback_links_pkey ON public.feedback_links USING btree (token_hash)
CREATE INDEX file_reviews_case_idx ON public.file_reviews USING btree (organisation_id, case_id, reviewed_on)
CREATE UNIQUE INDEX file_reviews_organisation_id_id_key ON public.file_reviews USING btree (organisation_id, id)
CREATE UNIQUE INDEX file_reviews_pkey ON public.file_reviews USING btree (id)
CREATE INDEX follow_ups_case_idx ON public.follow_ups USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX follow_ups_pkey ON public.follow_ups USING btree (id)
CREATE UNIQUE INDEX idempotency_keys_pkey ON public.idempotency_keys USING btree (organisation_id, key)
CREATE UNIQUE INDEX import_jobs_pkey ON public.import_jobs USING btree (id)
CREATE INDEX key_date_changes_case_idx ON public.key_date_changes USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX key_date_changes_pkey ON public.key_date_changes USING btree (id)
CREATE INDEX key_dates_case_idx ON public.key_dates USING btree (organisation_id, case_id)
CREATE INDEX key_dates_open_idx ON public.key_dates USING btree (organisation_id, due_on) WHERE (done_on IS NULL)
CREATE UNIQUE INDEX key_dates_organisation_id_id_key ON public.key_dates USING btree (organisation_id, id)
CREATE UNIQUE INDEX key_dates_pkey ON public.key_dates USING btree (id)
CREATE UNIQUE INDEX letter_templates_organisation_id_id_key ON public.letter_templates USING btree (organisation_id, id)
CREATE UNIQUE INDEX letter_templates_organisation_id_key_key ON public.letter_templates USING btree (organisation_id, key)
CREATE UNIQUE INDEX letter_templates_organisation_id_name_key ON public.letter_templates USING btree (organisation_id, name)
CREATE UNIQUE INDEX letter_templates_pkey ON public.letter_templates USING btree (id)
CREATE UNIQUE INDEX "PK_8c82d7f526340ab734260ea46be" ON public.migrations USING btree (id)
CREATE UNIQUE INDEX offices_organisation_id_id_key ON public.offices USING btree (organisation_id, id)
CREATE UNIQUE INDEX offices_organisation_id_ref_key ON public.offices USING btree (organisation_id, ref)
CREATE UNIQUE INDEX offices_pkey ON public.offices USING btree (id)
CREATE UNIQUE INDEX organisation_funding_organisation_id_id_key ON public.organisation_funding USING btree (organisation_id, id)
CREATE INDEX organisation_funding_period_idx ON public.organisation_funding USING btree (organisation_id, period_from)
CREATE UNIQUE INDEX organisation_funding_pkey ON public.organisation_funding USING btree (id)
CREATE INDEX organisation_shares_commissioner_idx ON public.organisation_shares USING btree (commissioner_id)
CREATE UNIQUE INDEX organisation_shares_pkey ON public.organisation_shares USING btree (provider_id, commissioner_id)
CREATE UNIQUE INDEX organisations_pkey ON public.organisations USING btree (id)
CREATE UNIQUE INDEX organisations_ref_key ON public.organisations USING btree (ref)
CREATE INDEX outbox_messages_org_idx ON public.outbox_messages USING btree (organisation_id, id DESC)
CREATE UNIQUE INDEX outbox_messages_organisation_id_id_key ON public.outbox_messages USING btree (organisation_id, id)
CREATE INDEX outbox_messages_pending_idx ON public.outbox_messages USING btree (status) WHERE (status = ANY (ARRAY['queued'::text, 'sending'::text, 'failed'::text]))
CREATE UNIQUE INDEX outbox_messages_pkey ON public.outbox_messages USING btree (id)
CREATE UNIQUE INDEX outbox_messages_reminder_idx ON public.outbox_messages USING btree (organisation_id, to_user_id, reminder_on) WHERE (kind = 'key_date_reminder'::text)
CREATE INDEX outcome_benefits_case_idx ON public.outcome_benefits USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX outcome_benefits_pkey ON public.outcome_benefits USING btree (id)
CREATE UNIQUE INDEX outcomes_organisation_id_case_id_key ON public.outcomes USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX outcomes_pkey ON public.outcomes USING btree (id)
CREATE UNIQUE INDEX partners_organisation_id_id_key ON public.partners USING btree (organisation_id, id)
CREATE UNIQUE INDEX partners_organisation_id_ref_key ON public.partners USING btree (organisation_id, ref)
CREATE UNIQUE INDEX partners_pkey ON public.partners USING btree (id)
CREATE UNIQUE INDEX password_tokens_pkey ON public.password_tokens USING btree (id)
CREATE INDEX password_tokens_user_idx ON public.password_tokens USING btree (user_id)
CREATE INDEX referrals_case_idx ON public.referrals USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX referrals_pkey ON public.referrals USING btree (id)
CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
CREATE INDEX sessions_user_idx ON public.sessions USING btree (user_id)
CREATE UNIQUE INDEX sheet_mappings_pkey ON public.sheet_mappings USING btree (organisation_id, name)
CREATE INDEX sign_in_attempts_last_idx ON public.sign_in_attempts USING btree (last_attempt_at)
CREATE UNIQUE INDEX sign_in_attempts_pkey ON public.sign_in_attempts USING btree (email, source)
CREATE UNIQUE INDEX subcategories_pkey ON public.subcategories USING btree (organisation_id, category, key)
CREATE INDEX time_entries_case_idx ON public.time_entries USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX time_entries_case_key ON public.time_entries USING btree (organisation_id, case_id, id)
CREATE UNIQUE INDEX time_entries_pkey ON public.time_entries USING btree (id)
CREATE INDEX underlying_problems_case_idx ON public.underlying_problems USING btree (organisation_id, case_id)
CREATE UNIQUE INDEX underlying_problems_pkey ON public.underlying_problems USING btree (id)
CREATE UNIQUE INDEX unit_cost_versions_organisation_id_id_key ON public.unit_cost_versions USING btree (organisation_id, id)
CREATE UNIQUE INDEX unit_cost_versions_organisation_id_version_key ON public.unit_cost_versions USING btree (organisation_id, version)
CREATE UNIQUE INDEX unit_cost_versions_pkey ON public.unit_cost_versions USING btree (id)
CREATE INDEX users_email_idx ON public.users USING btree (email)
CREATE UNIQUE INDEX users_organisation_email_key ON public.users USING btree (organisation_id, email)
CREATE UNIQUE INDEX users_organisation_id_id_key ON public.users USING btree (organisation_id, id)
CREATE UNIQUE INDEX users_organisation_id_ref_key ON public.users USING btree (organisation_id, ref)
CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)

-- Views

-- Functions
CREATE OR REPLACE FUNCTION public.audit_log_content(a audit_log)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'pg_catalog', 'public'
AS $function$ SELECT audit_log_field(a.chain_seq::text) || audit_log_field(a.id::text)
        || audit_log_field(a.organisation_id::text) || audit_log_field(a.user_id::text)
        || audit_log_field(to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_log_field(a.action) || audit_log_field(a.entity) || audit_log_field(a.entity_ids::text)
        || audit_log_field(a.ip) || audit_log_field(a.details::text) $function$
CREATE OR REPLACE FUNCTION public.audit_log_field(value text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT CASE WHEN value IS NULL THEN 'N' ELSE 'S' || octet_length(convert_to(value, 'UTF8')) || ':' || value END $function$
CREATE OR REPLACE FUNCTION public.audit_log_is_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $function$
CREATE OR REPLACE FUNCTION public.audit_log_link()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'pg_catalog', 'public'
AS $function$
      DECLARE
        chain uuid := coalesce(NEW.organisation_id, '00000000-0000-0000-0000-000000000000');
        head audit_chain_heads%ROWTYPE;
      BEGIN
        SELECT * INTO head FROM audit_chain_heads WHERE organisation_id = chain FOR UPDATE;
        IF NOT FOUND THEN
          INSERT INTO audit_chain_heads (organisation_id, seq, hash)
          VALUES (chain, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
          ON CONFLICT DO NOTHING;
          SELECT * INTO head FROM audit_chain_heads WHERE organisation_id = chain FOR UPDATE;
        END IF;
        NEW.chain_seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := sha256(NEW.prev_hash || convert_to(audit_log_content(NEW), 'UTF8'));
        UPDATE audit_chain_heads SET seq = NEW.chain_seq, hash = NEW.hash WHERE organisation_id = chain;
        RETURN NEW;
      END $function$
CREATE OR REPLACE FUNCTION public.audit_pending_move()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        INSERT INTO audit_log (organisation_id, user_id, action, entity, entity_ids, ip, details)
        VALUES (NEW.organisation_id, NEW.user_id, NEW.action, NEW.entity, NEW.entity_ids, NEW.ip, NEW.details);
        DELETE FROM audit_pending WHERE id = NEW.id;
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_facts_add_time_entry()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      DECLARE problems integer;
      BEGIN
        UPDATE case_facts f SET
          total_minutes = f.total_minutes + NEW.minutes,
          relationship_minutes = f.relationship_minutes + CASE WHEN NEW.class = 'relationship' THEN NEW.minutes ELSE 0 END,
          lead_relationship_minutes = f.lead_relationship_minutes
            + CASE WHEN NEW.class = 'relationship' AND NEW.adviser_id = f.lead_adviser_id THEN NEW.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN NEW.class = 'relationship' THEN least(f.first_relationship_on, NEW."on")
                                       ELSE f.first_relationship_on END
        WHERE f.organisation_id = NEW.organisation_id AND f.case_id = NEW.case_id
        RETURNING f.problems_count INTO problems;
        -- No facts yet (the case was written while they were deferred), or relationship time dated on or
        -- before the day an underlying problem surfaced (it counts in that problem's time before): compute
        -- them whole. Time dated after every problem surfaced changes none of the problems' figures.
        IF NOT FOUND OR (NEW.class = 'relationship' AND problems > 0 AND EXISTS (
            SELECT 1 FROM underlying_problems up
             WHERE up.organisation_id = NEW.organisation_id AND up.case_id = NEW.case_id
               AND up.uncovered_on >= NEW."on")) THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        END IF;
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_facts_time_entry_delta(o time_entries, n time_entries)
 RETURNS boolean
 LANGUAGE plpgsql
AS $function$
      DECLARE f case_facts;
      BEGIN
        SELECT * INTO f FROM case_facts WHERE organisation_id = o.organisation_id AND case_id = o.case_id FOR UPDATE;
        IF NOT FOUND THEN RETURN false; END IF;
        -- The first relationship day may move later: only a full count finds the next one.
        IF o.class = 'relationship' AND coalesce(o."on" <= f.first_relationship_on, true)
           AND NOT coalesce(n.class = 'relationship' AND n."on" <= o."on", false) THEN
          RETURN false;
        END IF;
        IF f.problems_count > 0 AND EXISTS (
            SELECT 1 FROM underlying_problems up
             WHERE up.organisation_id = o.organisation_id AND up.case_id = o.case_id
               AND ((o.class = 'relationship' AND up.uncovered_on >= o."on")
                 OR (n.class = 'relationship' AND up.uncovered_on >= n."on"))) THEN
          RETURN false;
        END IF;
        UPDATE case_facts SET
          total_minutes = total_minutes - o.minutes + coalesce(n.minutes, 0),
          relationship_minutes = relationship_minutes
            - CASE WHEN o.class = 'relationship' THEN o.minutes ELSE 0 END
            + CASE WHEN n.class = 'relationship' THEN n.minutes ELSE 0 END,
          lead_relationship_minutes = lead_relationship_minutes
            - CASE WHEN o.class = 'relationship' AND o.adviser_id = f.lead_adviser_id THEN o.minutes ELSE 0 END
            + CASE WHEN n.class = 'relationship' AND n.adviser_id = f.lead_adviser_id THEN n.minutes ELSE 0 END,
          first_relationship_on = CASE WHEN n.class = 'relationship' THEN least(first_relationship_on, n."on")
                                       ELSE first_relationship_on END
        WHERE organisation_id = o.organisation_id AND case_id = o.case_id;
        RETURN true;
      END $function$
CREATE OR REPLACE FUNCTION public.case_facts_touch_case_row()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM refresh_case_facts(ARRAY[NEW.id]);
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_facts_touch_client_row()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM refresh_case_facts(ARRAY(
          SELECT c.id FROM cases c WHERE c.organisation_id = NEW.organisation_id AND c.client_id = NEW.id));
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_facts_touch_row()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        -- Nested, not one condition: OLD is another table's row for the other tables.
        IF TG_TABLE_NAME = 'time_entries' AND TG_OP <> 'INSERT' THEN
          IF TG_OP = 'DELETE' OR OLD.case_id = NEW.case_id THEN
            IF case_facts_time_entry_delta(OLD, CASE WHEN TG_OP = 'UPDATE' THEN NEW END) THEN
              RETURN NULL;
            END IF;
          END IF;
        END IF;
        IF TG_OP = 'INSERT' THEN
          PERFORM refresh_case_facts(ARRAY[NEW.case_id]);
        ELSIF TG_OP = 'DELETE' OR OLD.case_id = NEW.case_id THEN
          PERFORM refresh_case_facts(ARRAY[OLD.case_id]);
        ELSE
          PERFORM refresh_case_facts(ARRAY[OLD.case_id, NEW.case_id]);
        END IF;
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_fee_rollups_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_fee_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour, cases, minutes, within_cases, within_n, within_positive, beyond_cases, beyond_n, beyond_positive, escape_n, escape_count)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.fee_from, f.total_minutes / 60,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_minutes), 0)::bigint AS minutes,
         coalesce(sum(f.s * f.p_within_cases), 0)::bigint AS within_cases,
         coalesce(sum(f.s * f.p_within_n), 0)::bigint AS within_n,
         coalesce(sum(f.s * f.p_within_positive), 0)::bigint AS within_positive,
         coalesce(sum(f.s * f.p_beyond_cases), 0)::bigint AS beyond_cases,
         coalesce(sum(f.s * f.p_beyond_n), 0)::bigint AS beyond_n,
         coalesce(sum(f.s * f.p_beyond_positive), 0)::bigint AS beyond_positive,
         coalesce(sum(f.s * f.p_escape_n), 0)::bigint AS escape_n,
         coalesce(sum(f.s * f.p_escape_count), 0)::bigint AS escape_count
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.total_minutes, f.office_id,
           f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(fee.effective_from, '-infinity') AS fee_from,
           1 AS p_cases,
           f.total_minutes AS p_minutes,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_within_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_within_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_within_positive,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_beyond_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_beyond_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_beyond_positive,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL THEN 1 ELSE 0 END AS p_escape_n,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL AND f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60 THEN 1 ELSE 0 END AS p_escape_count
      FROM (SELECT 1 AS s, (NEW).*) f
      LEFT JOIN LATERAL fee_rows_for(f.organisation_id) fee ON fee.category = f.category AND f.opened_on >= fee.effective_from
                           AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    minutes = r.minutes + EXCLUDED.minutes,
    within_cases = r.within_cases + EXCLUDED.within_cases,
    within_n = r.within_n + EXCLUDED.within_n,
    within_positive = r.within_positive + EXCLUDED.within_positive,
    beyond_cases = r.beyond_cases + EXCLUDED.beyond_cases,
    beyond_n = r.beyond_n + EXCLUDED.beyond_n,
    beyond_positive = r.beyond_positive + EXCLUDED.beyond_positive,
    escape_n = r.escape_n + EXCLUDED.escape_n,
    escape_count = r.escape_count + EXCLUDED.escape_count;
    INSERT INTO case_fee_minute_rollups AS r (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         f.evidence_consent, sum(f.s)::integer
    FROM (SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent) DO UPDATE SET n = r.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_fee_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour, cases, minutes, within_cases, within_n, within_positive, beyond_cases, beyond_n, beyond_positive, escape_n, escape_count)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.fee_from, f.total_minutes / 60,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_minutes), 0)::bigint AS minutes,
         coalesce(sum(f.s * f.p_within_cases), 0)::bigint AS within_cases,
         coalesce(sum(f.s * f.p_within_n), 0)::bigint AS within_n,
         coalesce(sum(f.s * f.p_within_positive), 0)::bigint AS within_positive,
         coalesce(sum(f.s * f.p_beyond_cases), 0)::bigint AS beyond_cases,
         coalesce(sum(f.s * f.p_beyond_n), 0)::bigint AS beyond_n,
         coalesce(sum(f.s * f.p_beyond_positive), 0)::bigint AS beyond_positive,
         coalesce(sum(f.s * f.p_escape_n), 0)::bigint AS escape_n,
         coalesce(sum(f.s * f.p_escape_count), 0)::bigint AS escape_count
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.total_minutes, f.office_id,
           f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(fee.effective_from, '-infinity') AS fee_from,
           1 AS p_cases,
           f.total_minutes AS p_minutes,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_within_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_within_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_within_positive,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_beyond_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_beyond_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_beyond_positive,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL THEN 1 ELSE 0 END AS p_escape_n,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL AND f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60 THEN 1 ELSE 0 END AS p_escape_count
      FROM (SELECT -1 AS s, (OLD).*) f
      LEFT JOIN LATERAL fee_rows_for(f.organisation_id) fee ON fee.category = f.category AND f.opened_on >= fee.effective_from
                           AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    minutes = r.minutes + EXCLUDED.minutes,
    within_cases = r.within_cases + EXCLUDED.within_cases,
    within_n = r.within_n + EXCLUDED.within_n,
    within_positive = r.within_positive + EXCLUDED.within_positive,
    beyond_cases = r.beyond_cases + EXCLUDED.beyond_cases,
    beyond_n = r.beyond_n + EXCLUDED.beyond_n,
    beyond_positive = r.beyond_positive + EXCLUDED.beyond_positive,
    escape_n = r.escape_n + EXCLUDED.escape_n,
    escape_count = r.escape_count + EXCLUDED.escape_count;
    INSERT INTO case_fee_minute_rollups AS r (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         f.evidence_consent, sum(f.s)::integer
    FROM (SELECT -1 AS s, (OLD).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent) DO UPDATE SET n = r.n + EXCLUDED.n;
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO case_fee_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour, cases, minutes, within_cases, within_n, within_positive, beyond_cases, beyond_n, beyond_positive, escape_n, escape_count)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.fee_from, f.total_minutes / 60,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_minutes), 0)::bigint AS minutes,
         coalesce(sum(f.s * f.p_within_cases), 0)::bigint AS within_cases,
         coalesce(sum(f.s * f.p_within_n), 0)::bigint AS within_n,
         coalesce(sum(f.s * f.p_within_positive), 0)::bigint AS within_positive,
         coalesce(sum(f.s * f.p_beyond_cases), 0)::bigint AS beyond_cases,
         coalesce(sum(f.s * f.p_beyond_n), 0)::bigint AS beyond_n,
         coalesce(sum(f.s * f.p_beyond_positive), 0)::bigint AS beyond_positive,
         coalesce(sum(f.s * f.p_escape_n), 0)::bigint AS escape_n,
         coalesce(sum(f.s * f.p_escape_count), 0)::bigint AS escape_count
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.total_minutes, f.office_id,
           f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(fee.effective_from, '-infinity') AS fee_from,
           1 AS p_cases,
           f.total_minutes AS p_minutes,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_within_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_within_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_within_positive,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_beyond_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_beyond_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_beyond_positive,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL THEN 1 ELSE 0 END AS p_escape_n,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL AND f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60 THEN 1 ELSE 0 END AS p_escape_count
      FROM (SELECT -1 AS s, (OLD).* UNION ALL SELECT 1 AS s, (NEW).*) f
      LEFT JOIN LATERAL fee_rows_for(f.organisation_id) fee ON fee.category = f.category AND f.opened_on >= fee.effective_from
                           AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    minutes = r.minutes + EXCLUDED.minutes,
    within_cases = r.within_cases + EXCLUDED.within_cases,
    within_n = r.within_n + EXCLUDED.within_n,
    within_positive = r.within_positive + EXCLUDED.within_positive,
    beyond_cases = r.beyond_cases + EXCLUDED.beyond_cases,
    beyond_n = r.beyond_n + EXCLUDED.beyond_n,
    beyond_positive = r.beyond_positive + EXCLUDED.beyond_positive,
    escape_n = r.escape_n + EXCLUDED.escape_n,
    escape_count = r.escape_count + EXCLUDED.escape_count;
    INSERT INTO case_fee_minute_rollups AS r (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         f.evidence_consent, sum(f.s)::integer
    FROM (SELECT -1 AS s, (OLD).* UNION ALL SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent) DO UPDATE SET n = r.n + EXCLUDED.n;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_fee_rollups r USING (SELECT (OLD).*) f
    CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
     WHERE r.organisation_id = OLD.organisation_id AND r.dim = d.dim AND r.dim_value = d.dim_value
       AND r.closed_month = date_trunc('month', OLD.closed_on)::date AND r.evidence_consent = OLD.evidence_consent
       AND r.category = OLD.category AND r.hour = OLD.total_minutes / 60 AND r.cases = 0;
    DELETE FROM case_fee_minute_rollups r USING (SELECT (OLD).*) f
    CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
     WHERE r.organisation_id = OLD.organisation_id AND r.dim = d.dim AND r.dim_value = d.dim_value
       AND r.category = OLD.category AND r.total_minutes = OLD.total_minutes
       AND r.closed_month = date_trunc('month', OLD.closed_on)::date AND r.evidence_consent = OLD.evidence_consent
       AND r.n = 0;
  END IF;
  RETURN NULL;
END $function$
CREATE OR REPLACE FUNCTION public.case_measure_rollups_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_measure_rollups AS r (organisation_id, dim, dim_value, closed_on, n_closed, positive_outcome_n, positive_outcome_count, positive_outcome_scope, positive_outcome_unknown, accepted_n, accepted_count, accepted_scope, accepted_unknown, avoided_appeal_n, avoided_appeal_count, avoided_appeal_scope, avoided_appeal_unknown, problem_uncovered_n, problem_uncovered_count, problem_uncovered_scope, problem_uncovered_unknown, bounce_back_n, bounce_back_count, bounce_back_scope, bounce_back_unknown, avoided_appeal_overall_n, avoided_appeal_overall_count, avoided_appeal_overall_scope, avoided_appeal_overall_unknown, bounce_out_n, bounce_out_count, bounce_out_scope, bounce_out_unknown, referral_completion_n, referral_completion_count, referral_completion_scope, referral_completion_unknown, relationship_minutes, relationship_share_sum, relationship_share_n, continuity_sum, continuity_n, first_contact_n, seen_within_2, seen_within_10, rqi_sum, rqi_n, rqi_items, problems, bounce_in_0, bounce_in_1, bounce_in_2, bounce_in_3, bounce_in_unknown, full_disclosure_n, full_disclosure_count, full_disclosure_scope, full_disclosure_unknown, confidence_improved_n, confidence_improved_count, confidence_improved_scope, confidence_improved_unknown, would_seek_advice_earlier_n, would_seek_advice_earlier_count, would_seek_advice_earlier_scope, would_seek_advice_earlier_unknown, could_handle_similar_n, could_handle_similar_count, could_handle_similar_scope, could_handle_similar_unknown, outcome_sustained_n, outcome_sustained_count, outcome_sustained_scope, outcome_sustained_unknown, new_problem_at_follow_up_n, new_problem_at_follow_up_count, new_problem_at_follow_up_scope, new_problem_at_follow_up_unknown, understood_sum, understood_sumsq, understood_n, trust_sum, trust_sumsq, trust_n, confidence_change_sum, confidence_change_sumsq, confidence_change_n, did_not_repeat_story_sum, did_not_repeat_story_sumsq, did_not_repeat_story_n, told_story_0, told_story_1, told_story_2, told_story_3, told_story_unknown, problems_handled_in_house, problems_referred_warm, problems_signposted, problems_client_declined, problems_result_positive, problems_result_partly_positive, problems_result_negative, problems_result_withdrawn, problems_result_lost_contact, problems_result_unknown, problems_time_before, problems_time_before_sumsq, problems_time_before_cases, problems_time_before_case_sumsq, problems_time_before_case_cross, problems_time_before_case_countsq, rqi_sumsq, problems_handled_in_house_case_sumsq, problems_handled_in_house_case_cross, problems_referred_warm_case_sumsq, problems_referred_warm_case_cross, problems_signposted_case_sumsq, problems_signposted_case_cross, problems_client_declined_case_sumsq, problems_client_declined_case_cross, problems_result_known_cases, problems_result_known_countsq, problems_result_positive_case_sumsq, problems_result_positive_case_cross, problems_result_partly_positive_case_sumsq, problems_result_partly_positive_case_cross, problems_result_negative_case_sumsq, problems_result_negative_case_cross, problems_result_withdrawn_case_sumsq, problems_result_withdrawn_case_cross, problems_result_lost_contact_case_sumsq, problems_result_lost_contact_case_cross)
  SELECT f.organisation_id, d.dim, d.dim_value, f.closed_on,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS n_closed,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_n,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN CASE WHEN f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS positive_outcome_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS positive_outcome_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_unknown,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_n,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN CASE WHEN f.accepted THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS accepted_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS accepted_scope,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_unknown,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_n,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_count,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_scope,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_unknown,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_n,
         coalesce(sum(f.s * (CASE WHEN true THEN CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS problem_uncovered_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS problem_uncovered_scope,
         coalesce(sum(f.s * (CASE WHEN false THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.same_problem_recontact_6m THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_back_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_back_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_n,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS avoided_appeal_overall_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_n,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_out_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_out_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_unknown,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_known ELSE 0 END)), 0)::bigint AS referral_completion_n,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_reached ELSE 0 END)), 0)::bigint AS referral_completion_count,
         coalesce(sum(f.s * (f.referrals_out)), 0)::bigint AS referral_completion_scope,
         coalesce(sum(f.s * ((f.referrals_out - f.referrals_out_known))), 0)::bigint AS referral_completion_unknown,
         coalesce(sum(f.s * (f.relationship_minutes)), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN f.relationship_minutes::numeric / nullif(f.total_minutes, 0) ELSE 0 END)), 0)::numeric AS relationship_share_sum,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS relationship_share_n,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0) ELSE 0 END)), 0)::numeric AS continuity_sum,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS continuity_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS first_contact_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 2 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_2,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 10 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_10,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN (f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100 ELSE 0 END)), 0)::numeric AS rqi_sum,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS rqi_n,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN f.feedback_items_n ELSE 0 END)), 0)::bigint AS rqi_items,
         coalesce(sum(f.s * (f.problems_count)), 0)::bigint AS problems,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_0,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_1,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_2,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_unknown,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_n,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS full_disclosure_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS full_disclosure_scope,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_unknown,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS confidence_improved_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS confidence_improved_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_unknown,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_n,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS would_seek_advice_earlier_scope,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_unknown,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_n,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS could_handle_similar_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS could_handle_similar_scope,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_unknown,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_n,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS outcome_sustained_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS outcome_sustained_scope,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS new_problem_at_follow_up_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_unknown,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN f.understood ELSE 0 END)), 0)::bigint AS understood_sum,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN (f.understood) * (f.understood) ELSE 0 END)), 0)::bigint AS understood_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS understood_n,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN f.trust ELSE 0 END)), 0)::bigint AS trust_sum,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN (f.trust) * (f.trust) ELSE 0 END)), 0)::bigint AS trust_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS trust_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN (f.confidence_after - f.confidence_before) ELSE 0 END)), 0)::bigint AS confidence_change_sum,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN ((f.confidence_after - f.confidence_before)) * ((f.confidence_after - f.confidence_before)) ELSE 0 END)), 0)::bigint AS confidence_change_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_change_n,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN (f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sum,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) * ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS did_not_repeat_story_n,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_0,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_1,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_2,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.times_told_story_before IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS told_story_unknown,
         coalesce(sum(f.s * (f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house,
         coalesce(sum(f.s * (f.problems_referred_warm)), 0)::bigint AS problems_referred_warm,
         coalesce(sum(f.s * (f.problems_signposted)), 0)::bigint AS problems_signposted,
         coalesce(sum(f.s * (f.problems_client_declined)), 0)::bigint AS problems_client_declined,
         coalesce(sum(f.s * (f.problems_positive)), 0)::bigint AS problems_result_positive,
         coalesce(sum(f.s * (f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive,
         coalesce(sum(f.s * (f.problems_negative)), 0)::bigint AS problems_result_negative,
         coalesce(sum(f.s * (f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn,
         coalesce(sum(f.s * (f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact,
         coalesce(sum(f.s * ((f.problems_count - f.problems_positive - f.problems_partly_positive - f.problems_negative - f.problems_withdrawn - f.problems_lost_contact))), 0)::bigint AS problems_result_unknown,
         coalesce(sum(f.s * (f.problems_relationship_minutes)), 0)::bigint AS problems_time_before,
         coalesce(sum(f.s * (f.problems_relationship_minutes_sq)), 0)::bigint AS problems_time_before_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_time_before_cases,
         coalesce(sum(f.s * (f.problems_relationship_minutes::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_cross,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_count)), 0)::bigint AS problems_time_before_case_countsq,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) * ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) ELSE 0 END)), 0)::numeric AS rqi_sumsq,
         coalesce(sum(f.s * (f.problems_handled_in_house::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_cross,
         coalesce(sum(f.s * (f.problems_referred_warm::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_cross,
         coalesce(sum(f.s * (f.problems_signposted::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_cross,
         coalesce(sum(f.s * (f.problems_client_declined::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_cross,
         coalesce(sum(f.s * (CASE WHEN (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact) > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_result_known_cases,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact))), 0)::bigint AS problems_result_known_countsq,
         coalesce(sum(f.s * (f.problems_positive::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_cross,
         coalesce(sum(f.s * (f.problems_partly_positive::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_cross,
         coalesce(sum(f.s * (f.problems_negative::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_cross,
         coalesce(sum(f.s * (f.problems_withdrawn::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_cross,
         coalesce(sum(f.s * (f.problems_lost_contact::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_cross
    FROM (SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (organisation_id, dim, dim_value, closed_on) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    positive_outcome_n = r.positive_outcome_n + EXCLUDED.positive_outcome_n,
    positive_outcome_count = r.positive_outcome_count + EXCLUDED.positive_outcome_count,
    positive_outcome_scope = r.positive_outcome_scope + EXCLUDED.positive_outcome_scope,
    positive_outcome_unknown = r.positive_outcome_unknown + EXCLUDED.positive_outcome_unknown,
    accepted_n = r.accepted_n + EXCLUDED.accepted_n,
    accepted_count = r.accepted_count + EXCLUDED.accepted_count,
    accepted_scope = r.accepted_scope + EXCLUDED.accepted_scope,
    accepted_unknown = r.accepted_unknown + EXCLUDED.accepted_unknown,
    avoided_appeal_n = r.avoided_appeal_n + EXCLUDED.avoided_appeal_n,
    avoided_appeal_count = r.avoided_appeal_count + EXCLUDED.avoided_appeal_count,
    avoided_appeal_scope = r.avoided_appeal_scope + EXCLUDED.avoided_appeal_scope,
    avoided_appeal_unknown = r.avoided_appeal_unknown + EXCLUDED.avoided_appeal_unknown,
    problem_uncovered_n = r.problem_uncovered_n + EXCLUDED.problem_uncovered_n,
    problem_uncovered_count = r.problem_uncovered_count + EXCLUDED.problem_uncovered_count,
    problem_uncovered_scope = r.problem_uncovered_scope + EXCLUDED.problem_uncovered_scope,
    problem_uncovered_unknown = r.problem_uncovered_unknown + EXCLUDED.problem_uncovered_unknown,
    bounce_back_n = r.bounce_back_n + EXCLUDED.bounce_back_n,
    bounce_back_count = r.bounce_back_count + EXCLUDED.bounce_back_count,
    bounce_back_scope = r.bounce_back_scope + EXCLUDED.bounce_back_scope,
    bounce_back_unknown = r.bounce_back_unknown + EXCLUDED.bounce_back_unknown,
    avoided_appeal_overall_n = r.avoided_appeal_overall_n + EXCLUDED.avoided_appeal_overall_n,
    avoided_appeal_overall_count = r.avoided_appeal_overall_count + EXCLUDED.avoided_appeal_overall_count,
    avoided_appeal_overall_scope = r.avoided_appeal_overall_scope + EXCLUDED.avoided_appeal_overall_scope,
    avoided_appeal_overall_unknown = r.avoided_appeal_overall_unknown + EXCLUDED.avoided_appeal_overall_unknown,
    bounce_out_n = r.bounce_out_n + EXCLUDED.bounce_out_n,
    bounce_out_count = r.bounce_out_count + EXCLUDED.bounce_out_count,
    bounce_out_scope = r.bounce_out_scope + EXCLUDED.bounce_out_scope,
    bounce_out_unknown = r.bounce_out_unknown + EXCLUDED.bounce_out_unknown,
    referral_completion_n = r.referral_completion_n + EXCLUDED.referral_completion_n,
    referral_completion_count = r.referral_completion_count + EXCLUDED.referral_completion_count,
    referral_completion_scope = r.referral_completion_scope + EXCLUDED.referral_completion_scope,
    referral_completion_unknown = r.referral_completion_unknown + EXCLUDED.referral_completion_unknown,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    relationship_share_sum = r.relationship_share_sum + EXCLUDED.relationship_share_sum,
    relationship_share_n = r.relationship_share_n + EXCLUDED.relationship_share_n,
    continuity_sum = r.continuity_sum + EXCLUDED.continuity_sum,
    continuity_n = r.continuity_n + EXCLUDED.continuity_n,
    first_contact_n = r.first_contact_n + EXCLUDED.first_contact_n,
    seen_within_2 = r.seen_within_2 + EXCLUDED.seen_within_2,
    seen_within_10 = r.seen_within_10 + EXCLUDED.seen_within_10,
    rqi_sum = r.rqi_sum + EXCLUDED.rqi_sum,
    rqi_n = r.rqi_n + EXCLUDED.rqi_n,
    rqi_items = r.rqi_items + EXCLUDED.rqi_items,
    problems = r.problems + EXCLUDED.problems,
    bounce_in_0 = r.bounce_in_0 + EXCLUDED.bounce_in_0,
    bounce_in_1 = r.bounce_in_1 + EXCLUDED.bounce_in_1,
    bounce_in_2 = r.bounce_in_2 + EXCLUDED.bounce_in_2,
    bounce_in_3 = r.bounce_in_3 + EXCLUDED.bounce_in_3,
    bounce_in_unknown = r.bounce_in_unknown + EXCLUDED.bounce_in_unknown,
    full_disclosure_n = r.full_disclosure_n + EXCLUDED.full_disclosure_n,
    full_disclosure_count = r.full_disclosure_count + EXCLUDED.full_disclosure_count,
    full_disclosure_scope = r.full_disclosure_scope + EXCLUDED.full_disclosure_scope,
    full_disclosure_unknown = r.full_disclosure_unknown + EXCLUDED.full_disclosure_unknown,
    confidence_improved_n = r.confidence_improved_n + EXCLUDED.confidence_improved_n,
    confidence_improved_count = r.confidence_improved_count + EXCLUDED.confidence_improved_count,
    confidence_improved_scope = r.confidence_improved_scope + EXCLUDED.confidence_improved_scope,
    confidence_improved_unknown = r.confidence_improved_unknown + EXCLUDED.confidence_improved_unknown,
    would_seek_advice_earlier_n = r.would_seek_advice_earlier_n + EXCLUDED.would_seek_advice_earlier_n,
    would_seek_advice_earlier_count = r.would_seek_advice_earlier_count + EXCLUDED.would_seek_advice_earlier_count,
    would_seek_advice_earlier_scope = r.would_seek_advice_earlier_scope + EXCLUDED.would_seek_advice_earlier_scope,
    would_seek_advice_earlier_unknown = r.would_seek_advice_earlier_unknown + EXCLUDED.would_seek_advice_earlier_unknown,
    could_handle_similar_n = r.could_handle_similar_n + EXCLUDED.could_handle_similar_n,
    could_handle_similar_count = r.could_handle_similar_count + EXCLUDED.could_handle_similar_count,
    could_handle_similar_scope = r.could_handle_similar_scope + EXCLUDED.could_handle_similar_scope,
    could_handle_similar_unknown = r.could_handle_similar_unknown + EXCLUDED.could_handle_similar_unknown,
    outcome_sustained_n = r.outcome_sustained_n + EXCLUDED.outcome_sustained_n,
    outcome_sustained_count = r.outcome_sustained_count + EXCLUDED.outcome_sustained_count,
    outcome_sustained_scope = r.outcome_sustained_scope + EXCLUDED.outcome_sustained_scope,
    outcome_sustained_unknown = r.outcome_sustained_unknown + EXCLUDED.outcome_sustained_unknown,
    new_problem_at_follow_up_n = r.new_problem_at_follow_up_n + EXCLUDED.new_problem_at_follow_up_n,
    new_problem_at_follow_up_count = r.new_problem_at_follow_up_count + EXCLUDED.new_problem_at_follow_up_count,
    new_problem_at_follow_up_scope = r.new_problem_at_follow_up_scope + EXCLUDED.new_problem_at_follow_up_scope,
    new_problem_at_follow_up_unknown = r.new_problem_at_follow_up_unknown + EXCLUDED.new_problem_at_follow_up_unknown,
    understood_sum = r.understood_sum + EXCLUDED.understood_sum,
    understood_sumsq = r.understood_sumsq + EXCLUDED.understood_sumsq,
    understood_n = r.understood_n + EXCLUDED.understood_n,
    trust_sum = r.trust_sum + EXCLUDED.trust_sum,
    trust_sumsq = r.trust_sumsq + EXCLUDED.trust_sumsq,
    trust_n = r.trust_n + EXCLUDED.trust_n,
    confidence_change_sum = r.confidence_change_sum + EXCLUDED.confidence_change_sum,
    confidence_change_sumsq = r.confidence_change_sumsq + EXCLUDED.confidence_change_sumsq,
    confidence_change_n = r.confidence_change_n + EXCLUDED.confidence_change_n,
    did_not_repeat_story_sum = r.did_not_repeat_story_sum + EXCLUDED.did_not_repeat_story_sum,
    did_not_repeat_story_sumsq = r.did_not_repeat_story_sumsq + EXCLUDED.did_not_repeat_story_sumsq,
    did_not_repeat_story_n = r.did_not_repeat_story_n + EXCLUDED.did_not_repeat_story_n,
    told_story_0 = r.told_story_0 + EXCLUDED.told_story_0,
    told_story_1 = r.told_story_1 + EXCLUDED.told_story_1,
    told_story_2 = r.told_story_2 + EXCLUDED.told_story_2,
    told_story_3 = r.told_story_3 + EXCLUDED.told_story_3,
    told_story_unknown = r.told_story_unknown + EXCLUDED.told_story_unknown,
    problems_handled_in_house = r.problems_handled_in_house + EXCLUDED.problems_handled_in_house,
    problems_referred_warm = r.problems_referred_warm + EXCLUDED.problems_referred_warm,
    problems_signposted = r.problems_signposted + EXCLUDED.problems_signposted,
    problems_client_declined = r.problems_client_declined + EXCLUDED.problems_client_declined,
    problems_result_positive = r.problems_result_positive + EXCLUDED.problems_result_positive,
    problems_result_partly_positive = r.problems_result_partly_positive + EXCLUDED.problems_result_partly_positive,
    problems_result_negative = r.problems_result_negative + EXCLUDED.problems_result_negative,
    problems_result_withdrawn = r.problems_result_withdrawn + EXCLUDED.problems_result_withdrawn,
    problems_result_lost_contact = r.problems_result_lost_contact + EXCLUDED.problems_result_lost_contact,
    problems_result_unknown = r.problems_result_unknown + EXCLUDED.problems_result_unknown,
    problems_time_before = r.problems_time_before + EXCLUDED.problems_time_before,
    problems_time_before_sumsq = r.problems_time_before_sumsq + EXCLUDED.problems_time_before_sumsq,
    problems_time_before_cases = r.problems_time_before_cases + EXCLUDED.problems_time_before_cases,
    problems_time_before_case_sumsq = r.problems_time_before_case_sumsq + EXCLUDED.problems_time_before_case_sumsq,
    problems_time_before_case_cross = r.problems_time_before_case_cross + EXCLUDED.problems_time_before_case_cross,
    problems_time_before_case_countsq = r.problems_time_before_case_countsq + EXCLUDED.problems_time_before_case_countsq,
    rqi_sumsq = r.rqi_sumsq + EXCLUDED.rqi_sumsq,
    problems_handled_in_house_case_sumsq = r.problems_handled_in_house_case_sumsq + EXCLUDED.problems_handled_in_house_case_sumsq,
    problems_handled_in_house_case_cross = r.problems_handled_in_house_case_cross + EXCLUDED.problems_handled_in_house_case_cross,
    problems_referred_warm_case_sumsq = r.problems_referred_warm_case_sumsq + EXCLUDED.problems_referred_warm_case_sumsq,
    problems_referred_warm_case_cross = r.problems_referred_warm_case_cross + EXCLUDED.problems_referred_warm_case_cross,
    problems_signposted_case_sumsq = r.problems_signposted_case_sumsq + EXCLUDED.problems_signposted_case_sumsq,
    problems_signposted_case_cross = r.problems_signposted_case_cross + EXCLUDED.problems_signposted_case_cross,
    problems_client_declined_case_sumsq = r.problems_client_declined_case_sumsq + EXCLUDED.problems_client_declined_case_sumsq,
    problems_client_declined_case_cross = r.problems_client_declined_case_cross + EXCLUDED.problems_client_declined_case_cross,
    problems_result_known_cases = r.problems_result_known_cases + EXCLUDED.problems_result_known_cases,
    problems_result_known_countsq = r.problems_result_known_countsq + EXCLUDED.problems_result_known_countsq,
    problems_result_positive_case_sumsq = r.problems_result_positive_case_sumsq + EXCLUDED.problems_result_positive_case_sumsq,
    problems_result_positive_case_cross = r.problems_result_positive_case_cross + EXCLUDED.problems_result_positive_case_cross,
    problems_result_partly_positive_case_sumsq = r.problems_result_partly_positive_case_sumsq + EXCLUDED.problems_result_partly_positive_case_sumsq,
    problems_result_partly_positive_case_cross = r.problems_result_partly_positive_case_cross + EXCLUDED.problems_result_partly_positive_case_cross,
    problems_result_negative_case_sumsq = r.problems_result_negative_case_sumsq + EXCLUDED.problems_result_negative_case_sumsq,
    problems_result_negative_case_cross = r.problems_result_negative_case_cross + EXCLUDED.problems_result_negative_case_cross,
    problems_result_withdrawn_case_sumsq = r.problems_result_withdrawn_case_sumsq + EXCLUDED.problems_result_withdrawn_case_sumsq,
    problems_result_withdrawn_case_cross = r.problems_result_withdrawn_case_cross + EXCLUDED.problems_result_withdrawn_case_cross,
    problems_result_lost_contact_case_sumsq = r.problems_result_lost_contact_case_sumsq + EXCLUDED.problems_result_lost_contact_case_sumsq,
    problems_result_lost_contact_case_cross = r.problems_result_lost_contact_case_cross + EXCLUDED.problems_result_lost_contact_case_cross;
    INSERT INTO case_value_rollups AS r (organisation_id, dim, dim_value, measure, closed_month, value, n)
  SELECT f.organisation_id, d.dim, d.dim_value, m.measure, date_trunc('month', f.closed_on)::date, m.value, sum(f.s)::integer
    FROM (SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   CROSS JOIN LATERAL (VALUES ('relationship_time', (f.relationship_minutes)::integer, true),
           ('first_contact_latency', ((f.first_relationship_on - f.first_contact_on))::integer, f.first_relationship_on IS NOT NULL)) AS m(measure, value, applies)
   WHERE f.closed_on IS NOT NULL AND m.applies
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, dim, dim_value, measure, closed_month, value) DO UPDATE SET n = r.n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_measure_rollups AS r (organisation_id, dim, dim_value, closed_on, n_closed, positive_outcome_n, positive_outcome_count, positive_outcome_scope, positive_outcome_unknown, accepted_n, accepted_count, accepted_scope, accepted_unknown, avoided_appeal_n, avoided_appeal_count, avoided_appeal_scope, avoided_appeal_unknown, problem_uncovered_n, problem_uncovered_count, problem_uncovered_scope, problem_uncovered_unknown, bounce_back_n, bounce_back_count, bounce_back_scope, bounce_back_unknown, avoided_appeal_overall_n, avoided_appeal_overall_count, avoided_appeal_overall_scope, avoided_appeal_overall_unknown, bounce_out_n, bounce_out_count, bounce_out_scope, bounce_out_unknown, referral_completion_n, referral_completion_count, referral_completion_scope, referral_completion_unknown, relationship_minutes, relationship_share_sum, relationship_share_n, continuity_sum, continuity_n, first_contact_n, seen_within_2, seen_within_10, rqi_sum, rqi_n, rqi_items, problems, bounce_in_0, bounce_in_1, bounce_in_2, bounce_in_3, bounce_in_unknown, full_disclosure_n, full_disclosure_count, full_disclosure_scope, full_disclosure_unknown, confidence_improved_n, confidence_improved_count, confidence_improved_scope, confidence_improved_unknown, would_seek_advice_earlier_n, would_seek_advice_earlier_count, would_seek_advice_earlier_scope, would_seek_advice_earlier_unknown, could_handle_similar_n, could_handle_similar_count, could_handle_similar_scope, could_handle_similar_unknown, outcome_sustained_n, outcome_sustained_count, outcome_sustained_scope, outcome_sustained_unknown, new_problem_at_follow_up_n, new_problem_at_follow_up_count, new_problem_at_follow_up_scope, new_problem_at_follow_up_unknown, understood_sum, understood_sumsq, understood_n, trust_sum, trust_sumsq, trust_n, confidence_change_sum, confidence_change_sumsq, confidence_change_n, did_not_repeat_story_sum, did_not_repeat_story_sumsq, did_not_repeat_story_n, told_story_0, told_story_1, told_story_2, told_story_3, told_story_unknown, problems_handled_in_house, problems_referred_warm, problems_signposted, problems_client_declined, problems_result_positive, problems_result_partly_positive, problems_result_negative, problems_result_withdrawn, problems_result_lost_contact, problems_result_unknown, problems_time_before, problems_time_before_sumsq, problems_time_before_cases, problems_time_before_case_sumsq, problems_time_before_case_cross, problems_time_before_case_countsq, rqi_sumsq, problems_handled_in_house_case_sumsq, problems_handled_in_house_case_cross, problems_referred_warm_case_sumsq, problems_referred_warm_case_cross, problems_signposted_case_sumsq, problems_signposted_case_cross, problems_client_declined_case_sumsq, problems_client_declined_case_cross, problems_result_known_cases, problems_result_known_countsq, problems_result_positive_case_sumsq, problems_result_positive_case_cross, problems_result_partly_positive_case_sumsq, problems_result_partly_positive_case_cross, problems_result_negative_case_sumsq, problems_result_negative_case_cross, problems_result_withdrawn_case_sumsq, problems_result_withdrawn_case_cross, problems_result_lost_contact_case_sumsq, problems_result_lost_contact_case_cross)
  SELECT f.organisation_id, d.dim, d.dim_value, f.closed_on,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS n_closed,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_n,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN CASE WHEN f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS positive_outcome_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS positive_outcome_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_unknown,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_n,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN CASE WHEN f.accepted THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS accepted_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS accepted_scope,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_unknown,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_n,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_count,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_scope,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_unknown,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_n,
         coalesce(sum(f.s * (CASE WHEN true THEN CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS problem_uncovered_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS problem_uncovered_scope,
         coalesce(sum(f.s * (CASE WHEN false THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.same_problem_recontact_6m THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_back_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_back_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_n,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS avoided_appeal_overall_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_n,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_out_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_out_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_unknown,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_known ELSE 0 END)), 0)::bigint AS referral_completion_n,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_reached ELSE 0 END)), 0)::bigint AS referral_completion_count,
         coalesce(sum(f.s * (f.referrals_out)), 0)::bigint AS referral_completion_scope,
         coalesce(sum(f.s * ((f.referrals_out - f.referrals_out_known))), 0)::bigint AS referral_completion_unknown,
         coalesce(sum(f.s * (f.relationship_minutes)), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN f.relationship_minutes::numeric / nullif(f.total_minutes, 0) ELSE 0 END)), 0)::numeric AS relationship_share_sum,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS relationship_share_n,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0) ELSE 0 END)), 0)::numeric AS continuity_sum,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS continuity_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS first_contact_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 2 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_2,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 10 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_10,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN (f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100 ELSE 0 END)), 0)::numeric AS rqi_sum,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS rqi_n,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN f.feedback_items_n ELSE 0 END)), 0)::bigint AS rqi_items,
         coalesce(sum(f.s * (f.problems_count)), 0)::bigint AS problems,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_0,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_1,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_2,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_unknown,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_n,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS full_disclosure_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS full_disclosure_scope,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_unknown,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS confidence_improved_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS confidence_improved_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_unknown,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_n,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS would_seek_advice_earlier_scope,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_unknown,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_n,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS could_handle_similar_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS could_handle_similar_scope,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_unknown,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_n,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS outcome_sustained_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS outcome_sustained_scope,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS new_problem_at_follow_up_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_unknown,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN f.understood ELSE 0 END)), 0)::bigint AS understood_sum,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN (f.understood) * (f.understood) ELSE 0 END)), 0)::bigint AS understood_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS understood_n,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN f.trust ELSE 0 END)), 0)::bigint AS trust_sum,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN (f.trust) * (f.trust) ELSE 0 END)), 0)::bigint AS trust_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS trust_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN (f.confidence_after - f.confidence_before) ELSE 0 END)), 0)::bigint AS confidence_change_sum,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN ((f.confidence_after - f.confidence_before)) * ((f.confidence_after - f.confidence_before)) ELSE 0 END)), 0)::bigint AS confidence_change_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_change_n,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN (f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sum,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) * ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS did_not_repeat_story_n,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_0,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_1,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_2,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.times_told_story_before IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS told_story_unknown,
         coalesce(sum(f.s * (f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house,
         coalesce(sum(f.s * (f.problems_referred_warm)), 0)::bigint AS problems_referred_warm,
         coalesce(sum(f.s * (f.problems_signposted)), 0)::bigint AS problems_signposted,
         coalesce(sum(f.s * (f.problems_client_declined)), 0)::bigint AS problems_client_declined,
         coalesce(sum(f.s * (f.problems_positive)), 0)::bigint AS problems_result_positive,
         coalesce(sum(f.s * (f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive,
         coalesce(sum(f.s * (f.problems_negative)), 0)::bigint AS problems_result_negative,
         coalesce(sum(f.s * (f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn,
         coalesce(sum(f.s * (f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact,
         coalesce(sum(f.s * ((f.problems_count - f.problems_positive - f.problems_partly_positive - f.problems_negative - f.problems_withdrawn - f.problems_lost_contact))), 0)::bigint AS problems_result_unknown,
         coalesce(sum(f.s * (f.problems_relationship_minutes)), 0)::bigint AS problems_time_before,
         coalesce(sum(f.s * (f.problems_relationship_minutes_sq)), 0)::bigint AS problems_time_before_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_time_before_cases,
         coalesce(sum(f.s * (f.problems_relationship_minutes::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_cross,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_count)), 0)::bigint AS problems_time_before_case_countsq,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) * ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) ELSE 0 END)), 0)::numeric AS rqi_sumsq,
         coalesce(sum(f.s * (f.problems_handled_in_house::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_cross,
         coalesce(sum(f.s * (f.problems_referred_warm::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_cross,
         coalesce(sum(f.s * (f.problems_signposted::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_cross,
         coalesce(sum(f.s * (f.problems_client_declined::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_cross,
         coalesce(sum(f.s * (CASE WHEN (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact) > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_result_known_cases,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact))), 0)::bigint AS problems_result_known_countsq,
         coalesce(sum(f.s * (f.problems_positive::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_cross,
         coalesce(sum(f.s * (f.problems_partly_positive::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_cross,
         coalesce(sum(f.s * (f.problems_negative::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_cross,
         coalesce(sum(f.s * (f.problems_withdrawn::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_cross,
         coalesce(sum(f.s * (f.problems_lost_contact::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_cross
    FROM (SELECT -1 AS s, (OLD).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (organisation_id, dim, dim_value, closed_on) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    positive_outcome_n = r.positive_outcome_n + EXCLUDED.positive_outcome_n,
    positive_outcome_count = r.positive_outcome_count + EXCLUDED.positive_outcome_count,
    positive_outcome_scope = r.positive_outcome_scope + EXCLUDED.positive_outcome_scope,
    positive_outcome_unknown = r.positive_outcome_unknown + EXCLUDED.positive_outcome_unknown,
    accepted_n = r.accepted_n + EXCLUDED.accepted_n,
    accepted_count = r.accepted_count + EXCLUDED.accepted_count,
    accepted_scope = r.accepted_scope + EXCLUDED.accepted_scope,
    accepted_unknown = r.accepted_unknown + EXCLUDED.accepted_unknown,
    avoided_appeal_n = r.avoided_appeal_n + EXCLUDED.avoided_appeal_n,
    avoided_appeal_count = r.avoided_appeal_count + EXCLUDED.avoided_appeal_count,
    avoided_appeal_scope = r.avoided_appeal_scope + EXCLUDED.avoided_appeal_scope,
    avoided_appeal_unknown = r.avoided_appeal_unknown + EXCLUDED.avoided_appeal_unknown,
    problem_uncovered_n = r.problem_uncovered_n + EXCLUDED.problem_uncovered_n,
    problem_uncovered_count = r.problem_uncovered_count + EXCLUDED.problem_uncovered_count,
    problem_uncovered_scope = r.problem_uncovered_scope + EXCLUDED.problem_uncovered_scope,
    problem_uncovered_unknown = r.problem_uncovered_unknown + EXCLUDED.problem_uncovered_unknown,
    bounce_back_n = r.bounce_back_n + EXCLUDED.bounce_back_n,
    bounce_back_count = r.bounce_back_count + EXCLUDED.bounce_back_count,
    bounce_back_scope = r.bounce_back_scope + EXCLUDED.bounce_back_scope,
    bounce_back_unknown = r.bounce_back_unknown + EXCLUDED.bounce_back_unknown,
    avoided_appeal_overall_n = r.avoided_appeal_overall_n + EXCLUDED.avoided_appeal_overall_n,
    avoided_appeal_overall_count = r.avoided_appeal_overall_count + EXCLUDED.avoided_appeal_overall_count,
    avoided_appeal_overall_scope = r.avoided_appeal_overall_scope + EXCLUDED.avoided_appeal_overall_scope,
    avoided_appeal_overall_unknown = r.avoided_appeal_overall_unknown + EXCLUDED.avoided_appeal_overall_unknown,
    bounce_out_n = r.bounce_out_n + EXCLUDED.bounce_out_n,
    bounce_out_count = r.bounce_out_count + EXCLUDED.bounce_out_count,
    bounce_out_scope = r.bounce_out_scope + EXCLUDED.bounce_out_scope,
    bounce_out_unknown = r.bounce_out_unknown + EXCLUDED.bounce_out_unknown,
    referral_completion_n = r.referral_completion_n + EXCLUDED.referral_completion_n,
    referral_completion_count = r.referral_completion_count + EXCLUDED.referral_completion_count,
    referral_completion_scope = r.referral_completion_scope + EXCLUDED.referral_completion_scope,
    referral_completion_unknown = r.referral_completion_unknown + EXCLUDED.referral_completion_unknown,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    relationship_share_sum = r.relationship_share_sum + EXCLUDED.relationship_share_sum,
    relationship_share_n = r.relationship_share_n + EXCLUDED.relationship_share_n,
    continuity_sum = r.continuity_sum + EXCLUDED.continuity_sum,
    continuity_n = r.continuity_n + EXCLUDED.continuity_n,
    first_contact_n = r.first_contact_n + EXCLUDED.first_contact_n,
    seen_within_2 = r.seen_within_2 + EXCLUDED.seen_within_2,
    seen_within_10 = r.seen_within_10 + EXCLUDED.seen_within_10,
    rqi_sum = r.rqi_sum + EXCLUDED.rqi_sum,
    rqi_n = r.rqi_n + EXCLUDED.rqi_n,
    rqi_items = r.rqi_items + EXCLUDED.rqi_items,
    problems = r.problems + EXCLUDED.problems,
    bounce_in_0 = r.bounce_in_0 + EXCLUDED.bounce_in_0,
    bounce_in_1 = r.bounce_in_1 + EXCLUDED.bounce_in_1,
    bounce_in_2 = r.bounce_in_2 + EXCLUDED.bounce_in_2,
    bounce_in_3 = r.bounce_in_3 + EXCLUDED.bounce_in_3,
    bounce_in_unknown = r.bounce_in_unknown + EXCLUDED.bounce_in_unknown,
    full_disclosure_n = r.full_disclosure_n + EXCLUDED.full_disclosure_n,
    full_disclosure_count = r.full_disclosure_count + EXCLUDED.full_disclosure_count,
    full_disclosure_scope = r.full_disclosure_scope + EXCLUDED.full_disclosure_scope,
    full_disclosure_unknown = r.full_disclosure_unknown + EXCLUDED.full_disclosure_unknown,
    confidence_improved_n = r.confidence_improved_n + EXCLUDED.confidence_improved_n,
    confidence_improved_count = r.confidence_improved_count + EXCLUDED.confidence_improved_count,
    confidence_improved_scope = r.confidence_improved_scope + EXCLUDED.confidence_improved_scope,
    confidence_improved_unknown = r.confidence_improved_unknown + EXCLUDED.confidence_improved_unknown,
    would_seek_advice_earlier_n = r.would_seek_advice_earlier_n + EXCLUDED.would_seek_advice_earlier_n,
    would_seek_advice_earlier_count = r.would_seek_advice_earlier_count + EXCLUDED.would_seek_advice_earlier_count,
    would_seek_advice_earlier_scope = r.would_seek_advice_earlier_scope + EXCLUDED.would_seek_advice_earlier_scope,
    would_seek_advice_earlier_unknown = r.would_seek_advice_earlier_unknown + EXCLUDED.would_seek_advice_earlier_unknown,
    could_handle_similar_n = r.could_handle_similar_n + EXCLUDED.could_handle_similar_n,
    could_handle_similar_count = r.could_handle_similar_count + EXCLUDED.could_handle_similar_count,
    could_handle_similar_scope = r.could_handle_similar_scope + EXCLUDED.could_handle_similar_scope,
    could_handle_similar_unknown = r.could_handle_similar_unknown + EXCLUDED.could_handle_similar_unknown,
    outcome_sustained_n = r.outcome_sustained_n + EXCLUDED.outcome_sustained_n,
    outcome_sustained_count = r.outcome_sustained_count + EXCLUDED.outcome_sustained_count,
    outcome_sustained_scope = r.outcome_sustained_scope + EXCLUDED.outcome_sustained_scope,
    outcome_sustained_unknown = r.outcome_sustained_unknown + EXCLUDED.outcome_sustained_unknown,
    new_problem_at_follow_up_n = r.new_problem_at_follow_up_n + EXCLUDED.new_problem_at_follow_up_n,
    new_problem_at_follow_up_count = r.new_problem_at_follow_up_count + EXCLUDED.new_problem_at_follow_up_count,
    new_problem_at_follow_up_scope = r.new_problem_at_follow_up_scope + EXCLUDED.new_problem_at_follow_up_scope,
    new_problem_at_follow_up_unknown = r.new_problem_at_follow_up_unknown + EXCLUDED.new_problem_at_follow_up_unknown,
    understood_sum = r.understood_sum + EXCLUDED.understood_sum,
    understood_sumsq = r.understood_sumsq + EXCLUDED.understood_sumsq,
    understood_n = r.understood_n + EXCLUDED.understood_n,
    trust_sum = r.trust_sum + EXCLUDED.trust_sum,
    trust_sumsq = r.trust_sumsq + EXCLUDED.trust_sumsq,
    trust_n = r.trust_n + EXCLUDED.trust_n,
    confidence_change_sum = r.confidence_change_sum + EXCLUDED.confidence_change_sum,
    confidence_change_sumsq = r.confidence_change_sumsq + EXCLUDED.confidence_change_sumsq,
    confidence_change_n = r.confidence_change_n + EXCLUDED.confidence_change_n,
    did_not_repeat_story_sum = r.did_not_repeat_story_sum + EXCLUDED.did_not_repeat_story_sum,
    did_not_repeat_story_sumsq = r.did_not_repeat_story_sumsq + EXCLUDED.did_not_repeat_story_sumsq,
    did_not_repeat_story_n = r.did_not_repeat_story_n + EXCLUDED.did_not_repeat_story_n,
    told_story_0 = r.told_story_0 + EXCLUDED.told_story_0,
    told_story_1 = r.told_story_1 + EXCLUDED.told_story_1,
    told_story_2 = r.told_story_2 + EXCLUDED.told_story_2,
    told_story_3 = r.told_story_3 + EXCLUDED.told_story_3,
    told_story_unknown = r.told_story_unknown + EXCLUDED.told_story_unknown,
    problems_handled_in_house = r.problems_handled_in_house + EXCLUDED.problems_handled_in_house,
    problems_referred_warm = r.problems_referred_warm + EXCLUDED.problems_referred_warm,
    problems_signposted = r.problems_signposted + EXCLUDED.problems_signposted,
    problems_client_declined = r.problems_client_declined + EXCLUDED.problems_client_declined,
    problems_result_positive = r.problems_result_positive + EXCLUDED.problems_result_positive,
    problems_result_partly_positive = r.problems_result_partly_positive + EXCLUDED.problems_result_partly_positive,
    problems_result_negative = r.problems_result_negative + EXCLUDED.problems_result_negative,
    problems_result_withdrawn = r.problems_result_withdrawn + EXCLUDED.problems_result_withdrawn,
    problems_result_lost_contact = r.problems_result_lost_contact + EXCLUDED.problems_result_lost_contact,
    problems_result_unknown = r.problems_result_unknown + EXCLUDED.problems_result_unknown,
    problems_time_before = r.problems_time_before + EXCLUDED.problems_time_before,
    problems_time_before_sumsq = r.problems_time_before_sumsq + EXCLUDED.problems_time_before_sumsq,
    problems_time_before_cases = r.problems_time_before_cases + EXCLUDED.problems_time_before_cases,
    problems_time_before_case_sumsq = r.problems_time_before_case_sumsq + EXCLUDED.problems_time_before_case_sumsq,
    problems_time_before_case_cross = r.problems_time_before_case_cross + EXCLUDED.problems_time_before_case_cross,
    problems_time_before_case_countsq = r.problems_time_before_case_countsq + EXCLUDED.problems_time_before_case_countsq,
    rqi_sumsq = r.rqi_sumsq + EXCLUDED.rqi_sumsq,
    problems_handled_in_house_case_sumsq = r.problems_handled_in_house_case_sumsq + EXCLUDED.problems_handled_in_house_case_sumsq,
    problems_handled_in_house_case_cross = r.problems_handled_in_house_case_cross + EXCLUDED.problems_handled_in_house_case_cross,
    problems_referred_warm_case_sumsq = r.problems_referred_warm_case_sumsq + EXCLUDED.problems_referred_warm_case_sumsq,
    problems_referred_warm_case_cross = r.problems_referred_warm_case_cross + EXCLUDED.problems_referred_warm_case_cross,
    problems_signposted_case_sumsq = r.problems_signposted_case_sumsq + EXCLUDED.problems_signposted_case_sumsq,
    problems_signposted_case_cross = r.problems_signposted_case_cross + EXCLUDED.problems_signposted_case_cross,
    problems_client_declined_case_sumsq = r.problems_client_declined_case_sumsq + EXCLUDED.problems_client_declined_case_sumsq,
    problems_client_declined_case_cross = r.problems_client_declined_case_cross + EXCLUDED.problems_client_declined_case_cross,
    problems_result_known_cases = r.problems_result_known_cases + EXCLUDED.problems_result_known_cases,
    problems_result_known_countsq = r.problems_result_known_countsq + EXCLUDED.problems_result_known_countsq,
    problems_result_positive_case_sumsq = r.problems_result_positive_case_sumsq + EXCLUDED.problems_result_positive_case_sumsq,
    problems_result_positive_case_cross = r.problems_result_positive_case_cross + EXCLUDED.problems_result_positive_case_cross,
    problems_result_partly_positive_case_sumsq = r.problems_result_partly_positive_case_sumsq + EXCLUDED.problems_result_partly_positive_case_sumsq,
    problems_result_partly_positive_case_cross = r.problems_result_partly_positive_case_cross + EXCLUDED.problems_result_partly_positive_case_cross,
    problems_result_negative_case_sumsq = r.problems_result_negative_case_sumsq + EXCLUDED.problems_result_negative_case_sumsq,
    problems_result_negative_case_cross = r.problems_result_negative_case_cross + EXCLUDED.problems_result_negative_case_cross,
    problems_result_withdrawn_case_sumsq = r.problems_result_withdrawn_case_sumsq + EXCLUDED.problems_result_withdrawn_case_sumsq,
    problems_result_withdrawn_case_cross = r.problems_result_withdrawn_case_cross + EXCLUDED.problems_result_withdrawn_case_cross,
    problems_result_lost_contact_case_sumsq = r.problems_result_lost_contact_case_sumsq + EXCLUDED.problems_result_lost_contact_case_sumsq,
    problems_result_lost_contact_case_cross = r.problems_result_lost_contact_case_cross + EXCLUDED.problems_result_lost_contact_case_cross;
    INSERT INTO case_value_rollups AS r (organisation_id, dim, dim_value, measure, closed_month, value, n)
  SELECT f.organisation_id, d.dim, d.dim_value, m.measure, date_trunc('month', f.closed_on)::date, m.value, sum(f.s)::integer
    FROM (SELECT -1 AS s, (OLD).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   CROSS JOIN LATERAL (VALUES ('relationship_time', (f.relationship_minutes)::integer, true),
           ('first_contact_latency', ((f.first_relationship_on - f.first_contact_on))::integer, f.first_relationship_on IS NOT NULL)) AS m(measure, value, applies)
   WHERE f.closed_on IS NOT NULL AND m.applies
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, dim, dim_value, measure, closed_month, value) DO UPDATE SET n = r.n + EXCLUDED.n;
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO case_measure_rollups AS r (organisation_id, dim, dim_value, closed_on, n_closed, positive_outcome_n, positive_outcome_count, positive_outcome_scope, positive_outcome_unknown, accepted_n, accepted_count, accepted_scope, accepted_unknown, avoided_appeal_n, avoided_appeal_count, avoided_appeal_scope, avoided_appeal_unknown, problem_uncovered_n, problem_uncovered_count, problem_uncovered_scope, problem_uncovered_unknown, bounce_back_n, bounce_back_count, bounce_back_scope, bounce_back_unknown, avoided_appeal_overall_n, avoided_appeal_overall_count, avoided_appeal_overall_scope, avoided_appeal_overall_unknown, bounce_out_n, bounce_out_count, bounce_out_scope, bounce_out_unknown, referral_completion_n, referral_completion_count, referral_completion_scope, referral_completion_unknown, relationship_minutes, relationship_share_sum, relationship_share_n, continuity_sum, continuity_n, first_contact_n, seen_within_2, seen_within_10, rqi_sum, rqi_n, rqi_items, problems, bounce_in_0, bounce_in_1, bounce_in_2, bounce_in_3, bounce_in_unknown, full_disclosure_n, full_disclosure_count, full_disclosure_scope, full_disclosure_unknown, confidence_improved_n, confidence_improved_count, confidence_improved_scope, confidence_improved_unknown, would_seek_advice_earlier_n, would_seek_advice_earlier_count, would_seek_advice_earlier_scope, would_seek_advice_earlier_unknown, could_handle_similar_n, could_handle_similar_count, could_handle_similar_scope, could_handle_similar_unknown, outcome_sustained_n, outcome_sustained_count, outcome_sustained_scope, outcome_sustained_unknown, new_problem_at_follow_up_n, new_problem_at_follow_up_count, new_problem_at_follow_up_scope, new_problem_at_follow_up_unknown, understood_sum, understood_sumsq, understood_n, trust_sum, trust_sumsq, trust_n, confidence_change_sum, confidence_change_sumsq, confidence_change_n, did_not_repeat_story_sum, did_not_repeat_story_sumsq, did_not_repeat_story_n, told_story_0, told_story_1, told_story_2, told_story_3, told_story_unknown, problems_handled_in_house, problems_referred_warm, problems_signposted, problems_client_declined, problems_result_positive, problems_result_partly_positive, problems_result_negative, problems_result_withdrawn, problems_result_lost_contact, problems_result_unknown, problems_time_before, problems_time_before_sumsq, problems_time_before_cases, problems_time_before_case_sumsq, problems_time_before_case_cross, problems_time_before_case_countsq, rqi_sumsq, problems_handled_in_house_case_sumsq, problems_handled_in_house_case_cross, problems_referred_warm_case_sumsq, problems_referred_warm_case_cross, problems_signposted_case_sumsq, problems_signposted_case_cross, problems_client_declined_case_sumsq, problems_client_declined_case_cross, problems_result_known_cases, problems_result_known_countsq, problems_result_positive_case_sumsq, problems_result_positive_case_cross, problems_result_partly_positive_case_sumsq, problems_result_partly_positive_case_cross, problems_result_negative_case_sumsq, problems_result_negative_case_cross, problems_result_withdrawn_case_sumsq, problems_result_withdrawn_case_cross, problems_result_lost_contact_case_sumsq, problems_result_lost_contact_case_cross)
  SELECT f.organisation_id, d.dim, d.dim_value, f.closed_on,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS n_closed,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_n,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN CASE WHEN f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS positive_outcome_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS positive_outcome_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_unknown,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_n,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN CASE WHEN f.accepted THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS accepted_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS accepted_scope,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_unknown,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_n,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_count,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_scope,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_unknown,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_n,
         coalesce(sum(f.s * (CASE WHEN true THEN CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS problem_uncovered_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS problem_uncovered_scope,
         coalesce(sum(f.s * (CASE WHEN false THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.same_problem_recontact_6m THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_back_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_back_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_n,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS avoided_appeal_overall_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_n,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_out_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_out_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_unknown,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_known ELSE 0 END)), 0)::bigint AS referral_completion_n,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_reached ELSE 0 END)), 0)::bigint AS referral_completion_count,
         coalesce(sum(f.s * (f.referrals_out)), 0)::bigint AS referral_completion_scope,
         coalesce(sum(f.s * ((f.referrals_out - f.referrals_out_known))), 0)::bigint AS referral_completion_unknown,
         coalesce(sum(f.s * (f.relationship_minutes)), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN f.relationship_minutes::numeric / nullif(f.total_minutes, 0) ELSE 0 END)), 0)::numeric AS relationship_share_sum,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS relationship_share_n,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0) ELSE 0 END)), 0)::numeric AS continuity_sum,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS continuity_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS first_contact_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 2 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_2,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 10 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_10,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN (f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100 ELSE 0 END)), 0)::numeric AS rqi_sum,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS rqi_n,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN f.feedback_items_n ELSE 0 END)), 0)::bigint AS rqi_items,
         coalesce(sum(f.s * (f.problems_count)), 0)::bigint AS problems,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_0,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_1,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_2,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_unknown,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_n,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS full_disclosure_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS full_disclosure_scope,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_unknown,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS confidence_improved_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS confidence_improved_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_unknown,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_n,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS would_seek_advice_earlier_scope,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_unknown,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_n,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS could_handle_similar_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS could_handle_similar_scope,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_unknown,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_n,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS outcome_sustained_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS outcome_sustained_scope,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS new_problem_at_follow_up_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_unknown,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN f.understood ELSE 0 END)), 0)::bigint AS understood_sum,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN (f.understood) * (f.understood) ELSE 0 END)), 0)::bigint AS understood_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS understood_n,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN f.trust ELSE 0 END)), 0)::bigint AS trust_sum,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN (f.trust) * (f.trust) ELSE 0 END)), 0)::bigint AS trust_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS trust_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN (f.confidence_after - f.confidence_before) ELSE 0 END)), 0)::bigint AS confidence_change_sum,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN ((f.confidence_after - f.confidence_before)) * ((f.confidence_after - f.confidence_before)) ELSE 0 END)), 0)::bigint AS confidence_change_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_change_n,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN (f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sum,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) * ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS did_not_repeat_story_n,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_0,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_1,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_2,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.times_told_story_before IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS told_story_unknown,
         coalesce(sum(f.s * (f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house,
         coalesce(sum(f.s * (f.problems_referred_warm)), 0)::bigint AS problems_referred_warm,
         coalesce(sum(f.s * (f.problems_signposted)), 0)::bigint AS problems_signposted,
         coalesce(sum(f.s * (f.problems_client_declined)), 0)::bigint AS problems_client_declined,
         coalesce(sum(f.s * (f.problems_positive)), 0)::bigint AS problems_result_positive,
         coalesce(sum(f.s * (f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive,
         coalesce(sum(f.s * (f.problems_negative)), 0)::bigint AS problems_result_negative,
         coalesce(sum(f.s * (f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn,
         coalesce(sum(f.s * (f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact,
         coalesce(sum(f.s * ((f.problems_count - f.problems_positive - f.problems_partly_positive - f.problems_negative - f.problems_withdrawn - f.problems_lost_contact))), 0)::bigint AS problems_result_unknown,
         coalesce(sum(f.s * (f.problems_relationship_minutes)), 0)::bigint AS problems_time_before,
         coalesce(sum(f.s * (f.problems_relationship_minutes_sq)), 0)::bigint AS problems_time_before_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_time_before_cases,
         coalesce(sum(f.s * (f.problems_relationship_minutes::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_cross,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_count)), 0)::bigint AS problems_time_before_case_countsq,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) * ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) ELSE 0 END)), 0)::numeric AS rqi_sumsq,
         coalesce(sum(f.s * (f.problems_handled_in_house::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_cross,
         coalesce(sum(f.s * (f.problems_referred_warm::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_cross,
         coalesce(sum(f.s * (f.problems_signposted::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_cross,
         coalesce(sum(f.s * (f.problems_client_declined::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_cross,
         coalesce(sum(f.s * (CASE WHEN (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact) > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_result_known_cases,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact))), 0)::bigint AS problems_result_known_countsq,
         coalesce(sum(f.s * (f.problems_positive::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_cross,
         coalesce(sum(f.s * (f.problems_partly_positive::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_cross,
         coalesce(sum(f.s * (f.problems_negative::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_cross,
         coalesce(sum(f.s * (f.problems_withdrawn::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_cross,
         coalesce(sum(f.s * (f.problems_lost_contact::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_cross
    FROM (SELECT -1 AS s, (OLD).* UNION ALL SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (organisation_id, dim, dim_value, closed_on) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    positive_outcome_n = r.positive_outcome_n + EXCLUDED.positive_outcome_n,
    positive_outcome_count = r.positive_outcome_count + EXCLUDED.positive_outcome_count,
    positive_outcome_scope = r.positive_outcome_scope + EXCLUDED.positive_outcome_scope,
    positive_outcome_unknown = r.positive_outcome_unknown + EXCLUDED.positive_outcome_unknown,
    accepted_n = r.accepted_n + EXCLUDED.accepted_n,
    accepted_count = r.accepted_count + EXCLUDED.accepted_count,
    accepted_scope = r.accepted_scope + EXCLUDED.accepted_scope,
    accepted_unknown = r.accepted_unknown + EXCLUDED.accepted_unknown,
    avoided_appeal_n = r.avoided_appeal_n + EXCLUDED.avoided_appeal_n,
    avoided_appeal_count = r.avoided_appeal_count + EXCLUDED.avoided_appeal_count,
    avoided_appeal_scope = r.avoided_appeal_scope + EXCLUDED.avoided_appeal_scope,
    avoided_appeal_unknown = r.avoided_appeal_unknown + EXCLUDED.avoided_appeal_unknown,
    problem_uncovered_n = r.problem_uncovered_n + EXCLUDED.problem_uncovered_n,
    problem_uncovered_count = r.problem_uncovered_count + EXCLUDED.problem_uncovered_count,
    problem_uncovered_scope = r.problem_uncovered_scope + EXCLUDED.problem_uncovered_scope,
    problem_uncovered_unknown = r.problem_uncovered_unknown + EXCLUDED.problem_uncovered_unknown,
    bounce_back_n = r.bounce_back_n + EXCLUDED.bounce_back_n,
    bounce_back_count = r.bounce_back_count + EXCLUDED.bounce_back_count,
    bounce_back_scope = r.bounce_back_scope + EXCLUDED.bounce_back_scope,
    bounce_back_unknown = r.bounce_back_unknown + EXCLUDED.bounce_back_unknown,
    avoided_appeal_overall_n = r.avoided_appeal_overall_n + EXCLUDED.avoided_appeal_overall_n,
    avoided_appeal_overall_count = r.avoided_appeal_overall_count + EXCLUDED.avoided_appeal_overall_count,
    avoided_appeal_overall_scope = r.avoided_appeal_overall_scope + EXCLUDED.avoided_appeal_overall_scope,
    avoided_appeal_overall_unknown = r.avoided_appeal_overall_unknown + EXCLUDED.avoided_appeal_overall_unknown,
    bounce_out_n = r.bounce_out_n + EXCLUDED.bounce_out_n,
    bounce_out_count = r.bounce_out_count + EXCLUDED.bounce_out_count,
    bounce_out_scope = r.bounce_out_scope + EXCLUDED.bounce_out_scope,
    bounce_out_unknown = r.bounce_out_unknown + EXCLUDED.bounce_out_unknown,
    referral_completion_n = r.referral_completion_n + EXCLUDED.referral_completion_n,
    referral_completion_count = r.referral_completion_count + EXCLUDED.referral_completion_count,
    referral_completion_scope = r.referral_completion_scope + EXCLUDED.referral_completion_scope,
    referral_completion_unknown = r.referral_completion_unknown + EXCLUDED.referral_completion_unknown,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    relationship_share_sum = r.relationship_share_sum + EXCLUDED.relationship_share_sum,
    relationship_share_n = r.relationship_share_n + EXCLUDED.relationship_share_n,
    continuity_sum = r.continuity_sum + EXCLUDED.continuity_sum,
    continuity_n = r.continuity_n + EXCLUDED.continuity_n,
    first_contact_n = r.first_contact_n + EXCLUDED.first_contact_n,
    seen_within_2 = r.seen_within_2 + EXCLUDED.seen_within_2,
    seen_within_10 = r.seen_within_10 + EXCLUDED.seen_within_10,
    rqi_sum = r.rqi_sum + EXCLUDED.rqi_sum,
    rqi_n = r.rqi_n + EXCLUDED.rqi_n,
    rqi_items = r.rqi_items + EXCLUDED.rqi_items,
    problems = r.problems + EXCLUDED.problems,
    bounce_in_0 = r.bounce_in_0 + EXCLUDED.bounce_in_0,
    bounce_in_1 = r.bounce_in_1 + EXCLUDED.bounce_in_1,
    bounce_in_2 = r.bounce_in_2 + EXCLUDED.bounce_in_2,
    bounce_in_3 = r.bounce_in_3 + EXCLUDED.bounce_in_3,
    bounce_in_unknown = r.bounce_in_unknown + EXCLUDED.bounce_in_unknown,
    full_disclosure_n = r.full_disclosure_n + EXCLUDED.full_disclosure_n,
    full_disclosure_count = r.full_disclosure_count + EXCLUDED.full_disclosure_count,
    full_disclosure_scope = r.full_disclosure_scope + EXCLUDED.full_disclosure_scope,
    full_disclosure_unknown = r.full_disclosure_unknown + EXCLUDED.full_disclosure_unknown,
    confidence_improved_n = r.confidence_improved_n + EXCLUDED.confidence_improved_n,
    confidence_improved_count = r.confidence_improved_count + EXCLUDED.confidence_improved_count,
    confidence_improved_scope = r.confidence_improved_scope + EXCLUDED.confidence_improved_scope,
    confidence_improved_unknown = r.confidence_improved_unknown + EXCLUDED.confidence_improved_unknown,
    would_seek_advice_earlier_n = r.would_seek_advice_earlier_n + EXCLUDED.would_seek_advice_earlier_n,
    would_seek_advice_earlier_count = r.would_seek_advice_earlier_count + EXCLUDED.would_seek_advice_earlier_count,
    would_seek_advice_earlier_scope = r.would_seek_advice_earlier_scope + EXCLUDED.would_seek_advice_earlier_scope,
    would_seek_advice_earlier_unknown = r.would_seek_advice_earlier_unknown + EXCLUDED.would_seek_advice_earlier_unknown,
    could_handle_similar_n = r.could_handle_similar_n + EXCLUDED.could_handle_similar_n,
    could_handle_similar_count = r.could_handle_similar_count + EXCLUDED.could_handle_similar_count,
    could_handle_similar_scope = r.could_handle_similar_scope + EXCLUDED.could_handle_similar_scope,
    could_handle_similar_unknown = r.could_handle_similar_unknown + EXCLUDED.could_handle_similar_unknown,
    outcome_sustained_n = r.outcome_sustained_n + EXCLUDED.outcome_sustained_n,
    outcome_sustained_count = r.outcome_sustained_count + EXCLUDED.outcome_sustained_count,
    outcome_sustained_scope = r.outcome_sustained_scope + EXCLUDED.outcome_sustained_scope,
    outcome_sustained_unknown = r.outcome_sustained_unknown + EXCLUDED.outcome_sustained_unknown,
    new_problem_at_follow_up_n = r.new_problem_at_follow_up_n + EXCLUDED.new_problem_at_follow_up_n,
    new_problem_at_follow_up_count = r.new_problem_at_follow_up_count + EXCLUDED.new_problem_at_follow_up_count,
    new_problem_at_follow_up_scope = r.new_problem_at_follow_up_scope + EXCLUDED.new_problem_at_follow_up_scope,
    new_problem_at_follow_up_unknown = r.new_problem_at_follow_up_unknown + EXCLUDED.new_problem_at_follow_up_unknown,
    understood_sum = r.understood_sum + EXCLUDED.understood_sum,
    understood_sumsq = r.understood_sumsq + EXCLUDED.understood_sumsq,
    understood_n = r.understood_n + EXCLUDED.understood_n,
    trust_sum = r.trust_sum + EXCLUDED.trust_sum,
    trust_sumsq = r.trust_sumsq + EXCLUDED.trust_sumsq,
    trust_n = r.trust_n + EXCLUDED.trust_n,
    confidence_change_sum = r.confidence_change_sum + EXCLUDED.confidence_change_sum,
    confidence_change_sumsq = r.confidence_change_sumsq + EXCLUDED.confidence_change_sumsq,
    confidence_change_n = r.confidence_change_n + EXCLUDED.confidence_change_n,
    did_not_repeat_story_sum = r.did_not_repeat_story_sum + EXCLUDED.did_not_repeat_story_sum,
    did_not_repeat_story_sumsq = r.did_not_repeat_story_sumsq + EXCLUDED.did_not_repeat_story_sumsq,
    did_not_repeat_story_n = r.did_not_repeat_story_n + EXCLUDED.did_not_repeat_story_n,
    told_story_0 = r.told_story_0 + EXCLUDED.told_story_0,
    told_story_1 = r.told_story_1 + EXCLUDED.told_story_1,
    told_story_2 = r.told_story_2 + EXCLUDED.told_story_2,
    told_story_3 = r.told_story_3 + EXCLUDED.told_story_3,
    told_story_unknown = r.told_story_unknown + EXCLUDED.told_story_unknown,
    problems_handled_in_house = r.problems_handled_in_house + EXCLUDED.problems_handled_in_house,
    problems_referred_warm = r.problems_referred_warm + EXCLUDED.problems_referred_warm,
    problems_signposted = r.problems_signposted + EXCLUDED.problems_signposted,
    problems_client_declined = r.problems_client_declined + EXCLUDED.problems_client_declined,
    problems_result_positive = r.problems_result_positive + EXCLUDED.problems_result_positive,
    problems_result_partly_positive = r.problems_result_partly_positive + EXCLUDED.problems_result_partly_positive,
    problems_result_negative = r.problems_result_negative + EXCLUDED.problems_result_negative,
    problems_result_withdrawn = r.problems_result_withdrawn + EXCLUDED.problems_result_withdrawn,
    problems_result_lost_contact = r.problems_result_lost_contact + EXCLUDED.problems_result_lost_contact,
    problems_result_unknown = r.problems_result_unknown + EXCLUDED.problems_result_unknown,
    problems_time_before = r.problems_time_before + EXCLUDED.problems_time_before,
    problems_time_before_sumsq = r.problems_time_before_sumsq + EXCLUDED.problems_time_before_sumsq,
    problems_time_before_cases = r.problems_time_before_cases + EXCLUDED.problems_time_before_cases,
    problems_time_before_case_sumsq = r.problems_time_before_case_sumsq + EXCLUDED.problems_time_before_case_sumsq,
    problems_time_before_case_cross = r.problems_time_before_case_cross + EXCLUDED.problems_time_before_case_cross,
    problems_time_before_case_countsq = r.problems_time_before_case_countsq + EXCLUDED.problems_time_before_case_countsq,
    rqi_sumsq = r.rqi_sumsq + EXCLUDED.rqi_sumsq,
    problems_handled_in_house_case_sumsq = r.problems_handled_in_house_case_sumsq + EXCLUDED.problems_handled_in_house_case_sumsq,
    problems_handled_in_house_case_cross = r.problems_handled_in_house_case_cross + EXCLUDED.problems_handled_in_house_case_cross,
    problems_referred_warm_case_sumsq = r.problems_referred_warm_case_sumsq + EXCLUDED.problems_referred_warm_case_sumsq,
    problems_referred_warm_case_cross = r.problems_referred_warm_case_cross + EXCLUDED.problems_referred_warm_case_cross,
    problems_signposted_case_sumsq = r.problems_signposted_case_sumsq + EXCLUDED.problems_signposted_case_sumsq,
    problems_signposted_case_cross = r.problems_signposted_case_cross + EXCLUDED.problems_signposted_case_cross,
    problems_client_declined_case_sumsq = r.problems_client_declined_case_sumsq + EXCLUDED.problems_client_declined_case_sumsq,
    problems_client_declined_case_cross = r.problems_client_declined_case_cross + EXCLUDED.problems_client_declined_case_cross,
    problems_result_known_cases = r.problems_result_known_cases + EXCLUDED.problems_result_known_cases,
    problems_result_known_countsq = r.problems_result_known_countsq + EXCLUDED.problems_result_known_countsq,
    problems_result_positive_case_sumsq = r.problems_result_positive_case_sumsq + EXCLUDED.problems_result_positive_case_sumsq,
    problems_result_positive_case_cross = r.problems_result_positive_case_cross + EXCLUDED.problems_result_positive_case_cross,
    problems_result_partly_positive_case_sumsq = r.problems_result_partly_positive_case_sumsq + EXCLUDED.problems_result_partly_positive_case_sumsq,
    problems_result_partly_positive_case_cross = r.problems_result_partly_positive_case_cross + EXCLUDED.problems_result_partly_positive_case_cross,
    problems_result_negative_case_sumsq = r.problems_result_negative_case_sumsq + EXCLUDED.problems_result_negative_case_sumsq,
    problems_result_negative_case_cross = r.problems_result_negative_case_cross + EXCLUDED.problems_result_negative_case_cross,
    problems_result_withdrawn_case_sumsq = r.problems_result_withdrawn_case_sumsq + EXCLUDED.problems_result_withdrawn_case_sumsq,
    problems_result_withdrawn_case_cross = r.problems_result_withdrawn_case_cross + EXCLUDED.problems_result_withdrawn_case_cross,
    problems_result_lost_contact_case_sumsq = r.problems_result_lost_contact_case_sumsq + EXCLUDED.problems_result_lost_contact_case_sumsq,
    problems_result_lost_contact_case_cross = r.problems_result_lost_contact_case_cross + EXCLUDED.problems_result_lost_contact_case_cross;
    INSERT INTO case_value_rollups AS r (organisation_id, dim, dim_value, measure, closed_month, value, n)
  SELECT f.organisation_id, d.dim, d.dim_value, m.measure, date_trunc('month', f.closed_on)::date, m.value, sum(f.s)::integer
    FROM (SELECT -1 AS s, (OLD).* UNION ALL SELECT 1 AS s, (NEW).*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   CROSS JOIN LATERAL (VALUES ('relationship_time', (f.relationship_minutes)::integer, true),
           ('first_contact_latency', ((f.first_relationship_on - f.first_contact_on))::integer, f.first_relationship_on IS NOT NULL)) AS m(measure, value, applies)
   WHERE f.closed_on IS NOT NULL AND m.applies
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (organisation_id, dim, dim_value, measure, closed_month, value) DO UPDATE SET n = r.n + EXCLUDED.n;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_measure_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_on = OLD.closed_on AND n_closed = 0;
    DELETE FROM case_value_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date AND n = 0;
  END IF;
  RETURN NULL;
END $function$
CREATE OR REPLACE FUNCTION public.case_pattern_rollups_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
        IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP = 'INSERT' THEN
          
  INSERT INTO case_pattern_rollups AS r (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
  SELECT * FROM (
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes,
         coalesce(sum(s) FILTER (WHERE true), 0)::integer AS n_closed,
         coalesce(sum(s) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative')), 0)::integer AS n_with_result,
         coalesce(sum(s) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive'))), 0)::integer AS n_positive,
         coalesce(sum(s) FILTER (WHERE accepted IS NOT NULL), 0)::integer AS n_accept_asked,
         coalesce(sum(s) FILTER (WHERE (accepted IS NOT NULL) AND (accepted)), 0)::integer AS n_accepted,
         coalesce(sum(s) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_appeal_known,
         coalesce(sum(s) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_avoided,
         coalesce(sum(s) FILTER (WHERE problems_count > 0), 0)::integer AS n_uncovered,
         coalesce(sum(s) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m)), 0)::integer AS n_bounce_back,
         coalesce(sum(s) FILTER (WHERE followed_up), 0)::integer AS n_followed_up
  FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, 1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT NEW.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c
  GROUP BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) g
  WHERE (n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes
  ON CONFLICT (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    n_with_result = r.n_with_result + EXCLUDED.n_with_result,
    n_positive = r.n_positive + EXCLUDED.n_positive,
    n_accept_asked = r.n_accept_asked + EXCLUDED.n_accept_asked,
    n_accepted = r.n_accepted + EXCLUDED.n_accepted,
    n_negative_appeal_known = r.n_negative_appeal_known + EXCLUDED.n_negative_appeal_known,
    n_negative_avoided = r.n_negative_avoided + EXCLUDED.n_negative_avoided,
    n_uncovered = r.n_uncovered + EXCLUDED.n_uncovered,
    n_bounce_back = r.n_bounce_back + EXCLUDED.n_bounce_back,
    n_followed_up = r.n_followed_up + EXCLUDED.n_followed_up;
        ELSIF TG_OP = 'UPDATE' THEN
          
  INSERT INTO case_pattern_rollups AS r (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
  SELECT * FROM (
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes,
         coalesce(sum(s) FILTER (WHERE true), 0)::integer AS n_closed,
         coalesce(sum(s) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative')), 0)::integer AS n_with_result,
         coalesce(sum(s) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive'))), 0)::integer AS n_positive,
         coalesce(sum(s) FILTER (WHERE accepted IS NOT NULL), 0)::integer AS n_accept_asked,
         coalesce(sum(s) FILTER (WHERE (accepted IS NOT NULL) AND (accepted)), 0)::integer AS n_accepted,
         coalesce(sum(s) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_appeal_known,
         coalesce(sum(s) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_avoided,
         coalesce(sum(s) FILTER (WHERE problems_count > 0), 0)::integer AS n_uncovered,
         coalesce(sum(s) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m)), 0)::integer AS n_bounce_back,
         coalesce(sum(s) FILTER (WHERE followed_up), 0)::integer AS n_followed_up
  FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, 1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT NEW.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL UNION ALL 
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, -1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c
  GROUP BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) g
  WHERE (n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes
  ON CONFLICT (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    n_with_result = r.n_with_result + EXCLUDED.n_with_result,
    n_positive = r.n_positive + EXCLUDED.n_positive,
    n_accept_asked = r.n_accept_asked + EXCLUDED.n_accept_asked,
    n_accepted = r.n_accepted + EXCLUDED.n_accepted,
    n_negative_appeal_known = r.n_negative_appeal_known + EXCLUDED.n_negative_appeal_known,
    n_negative_avoided = r.n_negative_avoided + EXCLUDED.n_negative_avoided,
    n_uncovered = r.n_uncovered + EXCLUDED.n_uncovered,
    n_bounce_back = r.n_bounce_back + EXCLUDED.n_bounce_back,
    n_followed_up = r.n_followed_up + EXCLUDED.n_followed_up;
          
  DELETE FROM case_pattern_rollups r
  USING (SELECT DISTINCT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, -1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c) k
  WHERE r.organisation_id = OLD.organisation_id AND r.organisation_id = k.organisation_id AND r.dim = k.dim AND r.dim_value = k.dim_value AND r.evidence_consent = k.evidence_consent AND r.category = k.category AND r.funding_stream = k.funding_stream AND r.vulnerability_count = k.vulnerability_count AND r.minutes = k.minutes AND r.n_closed = 0;
        ELSE
          
  INSERT INTO case_pattern_rollups AS r (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
  SELECT * FROM (
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes,
         coalesce(sum(s) FILTER (WHERE true), 0)::integer AS n_closed,
         coalesce(sum(s) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative')), 0)::integer AS n_with_result,
         coalesce(sum(s) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive'))), 0)::integer AS n_positive,
         coalesce(sum(s) FILTER (WHERE accepted IS NOT NULL), 0)::integer AS n_accept_asked,
         coalesce(sum(s) FILTER (WHERE (accepted IS NOT NULL) AND (accepted)), 0)::integer AS n_accepted,
         coalesce(sum(s) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_appeal_known,
         coalesce(sum(s) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_avoided,
         coalesce(sum(s) FILTER (WHERE problems_count > 0), 0)::integer AS n_uncovered,
         coalesce(sum(s) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m)), 0)::integer AS n_bounce_back,
         coalesce(sum(s) FILTER (WHERE followed_up), 0)::integer AS n_followed_up
  FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, -1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c
  GROUP BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) g
  WHERE (n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes
  ON CONFLICT (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    n_with_result = r.n_with_result + EXCLUDED.n_with_result,
    n_positive = r.n_positive + EXCLUDED.n_positive,
    n_accept_asked = r.n_accept_asked + EXCLUDED.n_accept_asked,
    n_accepted = r.n_accepted + EXCLUDED.n_accepted,
    n_negative_appeal_known = r.n_negative_appeal_known + EXCLUDED.n_negative_appeal_known,
    n_negative_avoided = r.n_negative_avoided + EXCLUDED.n_negative_avoided,
    n_uncovered = r.n_uncovered + EXCLUDED.n_uncovered,
    n_bounce_back = r.n_bounce_back + EXCLUDED.n_bounce_back,
    n_followed_up = r.n_followed_up + EXCLUDED.n_followed_up;
          
  DELETE FROM case_pattern_rollups r
  USING (SELECT DISTINCT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, -1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c) k
  WHERE r.organisation_id = OLD.organisation_id AND r.organisation_id = k.organisation_id AND r.dim = k.dim AND r.dim_value = k.dim_value AND r.evidence_consent = k.evidence_consent AND r.category = k.category AND r.funding_stream = k.funding_stream AND r.vulnerability_count = k.vulnerability_count AND r.minutes = k.minutes AND r.n_closed = 0;
        END IF;
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.case_pricing_rollups_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
  IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_pricing_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band, cases, total_minutes, relationship_minutes, avoided_appeal, bounce_back_avoided, pack_negative, pack_positiveoutcome_n, pack_positiveoutcome_count, pack_accepted_n, pack_accepted_count, pack_avoidedappeal_n, pack_avoidedappeal_count, pack_problemuncovered_n, pack_problemuncovered_count, pack_bounceback_n, pack_bounceback_count, pack_bounceout_n, pack_bounceout_count, pack_bounceout_unknown, pack_referralcompletion_n, pack_referralcompletion_count, pack_referralcompletion_unknown, pack_confidenceimproved_n, pack_confidenceimproved_count, pack_confidenceimproved_unknown, pack_wouldseekadviceearlier_n, pack_wouldseekadviceearlier_count, pack_wouldseekadviceearlier_unknown, pack_couldhandlesimilar_n, pack_couldhandlesimilar_count, pack_couldhandlesimilar_unknown, pack_fulldisclosure_n, pack_fulldisclosure_count, pack_fulldisclosure_unknown, pack_outcomesustained_n, pack_outcomesustained_count, pack_outcomesustained_unknown, pack_newproblematfollowup_n, pack_newproblematfollowup_count, pack_newproblematfollowup_unknown, pack_rqi_n, pack_rqi_sum, pack_continuity_n, pack_continuity_sum, pack_bouncein_n, pack_bouncein_sum, pack_confidencechange_n, pack_confidencechange_sum, pack_understood_n, pack_understood_sum, pack_trust_n, pack_trust_sum, pack_didnotrepeatstory_n, pack_didnotrepeatstory_sum, benefit_eviction_avoided_cases, benefit_eviction_avoided_gbp, benefit_eviction_avoided_without, benefit_home_kept_cases, benefit_home_kept_gbp, benefit_home_kept_without, benefit_benefit_awarded_cases, benefit_benefit_awarded_gbp, benefit_benefit_awarded_without, benefit_benefit_reinstated_cases, benefit_benefit_reinstated_gbp, benefit_benefit_reinstated_without, benefit_debt_written_off_cases, benefit_debt_written_off_gbp, benefit_debt_written_off_without, benefit_debt_made_manageable_cases, benefit_debt_made_manageable_gbp, benefit_debt_made_manageable_without, benefit_employment_kept_cases, benefit_employment_kept_gbp, benefit_employment_kept_without, benefit_immigration_status_secured_cases, benefit_immigration_status_secured_gbp, benefit_immigration_status_secured_without, benefit_care_package_secured_cases, benefit_care_package_secured_gbp, benefit_care_package_secured_without, benefit_other_cases, benefit_other_gbp, benefit_other_without)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.band,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_total_minutes), 0)::bigint AS total_minutes,
         coalesce(sum(f.s * f.p_relationship_minutes), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * f.p_avoided_appeal), 0)::bigint AS avoided_appeal,
         coalesce(sum(f.s * f.p_bounce_back_avoided), 0)::bigint AS bounce_back_avoided,
         coalesce(sum(f.s * f.p_pack_negative), 0)::bigint AS pack_negative,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_n), 0)::bigint AS pack_positiveoutcome_n,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_count), 0)::bigint AS pack_positiveoutcome_count,
         coalesce(sum(f.s * f.p_pack_accepted_n), 0)::bigint AS pack_accepted_n,
         coalesce(sum(f.s * f.p_pack_accepted_count), 0)::bigint AS pack_accepted_count,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_n), 0)::bigint AS pack_avoidedappeal_n,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_count), 0)::bigint AS pack_avoidedappeal_count,
         coalesce(sum(f.s * f.p_pack_problemuncovered_n), 0)::bigint AS pack_problemuncovered_n,
         coalesce(sum(f.s * f.p_pack_problemuncovered_count), 0)::bigint AS pack_problemuncovered_count,
         coalesce(sum(f.s * f.p_pack_bounceback_n), 0)::bigint AS pack_bounceback_n,
         coalesce(sum(f.s * f.p_pack_bounceback_count), 0)::bigint AS pack_bounceback_count,
         coalesce(sum(f.s * f.p_pack_bounceout_n), 0)::bigint AS pack_bounceout_n,
         coalesce(sum(f.s * f.p_pack_bounceout_count), 0)::bigint AS pack_bounceout_count,
         coalesce(sum(f.s * f.p_pack_bounceout_unknown), 0)::bigint AS pack_bounceout_unknown,
         coalesce(sum(f.s * f.p_pack_referralcompletion_n), 0)::bigint AS pack_referralcompletion_n,
         coalesce(sum(f.s * f.p_pack_referralcompletion_count), 0)::bigint AS pack_referralcompletion_count,
         coalesce(sum(f.s * f.p_pack_referralcompletion_unknown), 0)::bigint AS pack_referralcompletion_unknown,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_n), 0)::bigint AS pack_confidenceimproved_n,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_count), 0)::bigint AS pack_confidenceimproved_count,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_unknown), 0)::bigint AS pack_confidenceimproved_unknown,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_n), 0)::bigint AS pack_wouldseekadviceearlier_n,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_count), 0)::bigint AS pack_wouldseekadviceearlier_count,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_unknown), 0)::bigint AS pack_wouldseekadviceearlier_unknown,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_n), 0)::bigint AS pack_couldhandlesimilar_n,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_count), 0)::bigint AS pack_couldhandlesimilar_count,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_unknown), 0)::bigint AS pack_couldhandlesimilar_unknown,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_n), 0)::bigint AS pack_fulldisclosure_n,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_count), 0)::bigint AS pack_fulldisclosure_count,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_unknown), 0)::bigint AS pack_fulldisclosure_unknown,
         coalesce(sum(f.s * f.p_pack_outcomesustained_n), 0)::bigint AS pack_outcomesustained_n,
         coalesce(sum(f.s * f.p_pack_outcomesustained_count), 0)::bigint AS pack_outcomesustained_count,
         coalesce(sum(f.s * f.p_pack_outcomesustained_unknown), 0)::bigint AS pack_outcomesustained_unknown,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_n), 0)::bigint AS pack_newproblematfollowup_n,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_count), 0)::bigint AS pack_newproblematfollowup_count,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_unknown), 0)::bigint AS pack_newproblematfollowup_unknown,
         coalesce(sum(f.s * f.p_pack_rqi_n), 0)::bigint AS pack_rqi_n,
         coalesce(sum(f.s * f.p_pack_rqi_sum), 0)::numeric AS pack_rqi_sum,
         coalesce(sum(f.s * f.p_pack_continuity_n), 0)::bigint AS pack_continuity_n,
         coalesce(sum(f.s * f.p_pack_continuity_sum), 0)::numeric AS pack_continuity_sum,
         coalesce(sum(f.s * f.p_pack_bouncein_n), 0)::bigint AS pack_bouncein_n,
         coalesce(sum(f.s * f.p_pack_bouncein_sum), 0)::numeric AS pack_bouncein_sum,
         coalesce(sum(f.s * f.p_pack_confidencechange_n), 0)::bigint AS pack_confidencechange_n,
         coalesce(sum(f.s * f.p_pack_confidencechange_sum), 0)::numeric AS pack_confidencechange_sum,
         coalesce(sum(f.s * f.p_pack_understood_n), 0)::bigint AS pack_understood_n,
         coalesce(sum(f.s * f.p_pack_understood_sum), 0)::numeric AS pack_understood_sum,
         coalesce(sum(f.s * f.p_pack_trust_n), 0)::bigint AS pack_trust_n,
         coalesce(sum(f.s * f.p_pack_trust_sum), 0)::numeric AS pack_trust_sum,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_n), 0)::bigint AS pack_didnotrepeatstory_n,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_sum), 0)::numeric AS pack_didnotrepeatstory_sum,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_cases), 0)::bigint AS benefit_eviction_avoided_cases,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_gbp), 0)::numeric AS benefit_eviction_avoided_gbp,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_without), 0)::bigint AS benefit_eviction_avoided_without,
         coalesce(sum(f.s * f.p_benefit_home_kept_cases), 0)::bigint AS benefit_home_kept_cases,
         coalesce(sum(f.s * f.p_benefit_home_kept_gbp), 0)::numeric AS benefit_home_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_home_kept_without), 0)::bigint AS benefit_home_kept_without,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_cases), 0)::bigint AS benefit_benefit_awarded_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_gbp), 0)::numeric AS benefit_benefit_awarded_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_without), 0)::bigint AS benefit_benefit_awarded_without,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_cases), 0)::bigint AS benefit_benefit_reinstated_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_gbp), 0)::numeric AS benefit_benefit_reinstated_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_without), 0)::bigint AS benefit_benefit_reinstated_without,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_cases), 0)::bigint AS benefit_debt_written_off_cases,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_gbp), 0)::numeric AS benefit_debt_written_off_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_without), 0)::bigint AS benefit_debt_written_off_without,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_cases), 0)::bigint AS benefit_debt_made_manageable_cases,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_gbp), 0)::numeric AS benefit_debt_made_manageable_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_without), 0)::bigint AS benefit_debt_made_manageable_without,
         coalesce(sum(f.s * f.p_benefit_employment_kept_cases), 0)::bigint AS benefit_employment_kept_cases,
         coalesce(sum(f.s * f.p_benefit_employment_kept_gbp), 0)::numeric AS benefit_employment_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_employment_kept_without), 0)::bigint AS benefit_employment_kept_without,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_cases), 0)::bigint AS benefit_immigration_status_secured_cases,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_gbp), 0)::numeric AS benefit_immigration_status_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_without), 0)::bigint AS benefit_immigration_status_secured_without,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_cases), 0)::bigint AS benefit_care_package_secured_cases,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_gbp), 0)::numeric AS benefit_care_package_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_without), 0)::bigint AS benefit_care_package_secured_without,
         coalesce(sum(f.s * f.p_benefit_other_cases), 0)::bigint AS benefit_other_cases,
         coalesce(sum(f.s * f.p_benefit_other_gbp), 0)::numeric AS benefit_other_gbp,
         coalesce(sum(f.s * f.p_benefit_other_without), 0)::bigint AS benefit_other_without
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.band,
           f.office_id, f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           1 AS p_cases,
           f.total_minutes AS p_total_minutes,
           f.relationship_minutes AS p_relationship_minutes,
           CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END AS p_avoided_appeal,
           CASE WHEN f.followed_up AND NOT f.same_problem_recontact_6m THEN 1 ELSE 0 END AS p_bounce_back_avoided,
           CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END AS p_pack_negative,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_n,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) AND (f.result IN ('positive', 'partly_positive')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_count,
           CASE WHEN (f.accepted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_accepted_n,
           CASE WHEN (f.accepted IS NOT NULL) AND (f.accepted) THEN 1 ELSE 0 END AS p_pack_accepted_count,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_n,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_count,
           CASE WHEN (true) THEN 1 ELSE 0 END AS p_pack_problemuncovered_n,
           CASE WHEN (true) AND (f.problems_count > 0) THEN 1 ELSE 0 END AS p_pack_problemuncovered_count,
           CASE WHEN (f.followed_up) THEN 1 ELSE 0 END AS p_pack_bounceback_n,
           CASE WHEN (f.followed_up) AND (f.same_problem_recontact_6m) THEN 1 ELSE 0 END AS p_pack_bounceback_count,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(1, 0) ELSE 0 END AS p_pack_bounceout_n,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_bounceout_count,
           coalesce(CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END, 0) AS p_pack_bounceout_unknown,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_known, 0) ELSE 0 END AS p_pack_referralcompletion_n,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_reached, 0) ELSE 0 END AS p_pack_referralcompletion_count,
           coalesce((f.referrals_out - f.referrals_out_known), 0) AS p_pack_referralcompletion_unknown,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_confidenceimproved_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_confidenceimproved_count,
           coalesce(CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END, 0) AS p_pack_confidenceimproved_unknown,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_n,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_count,
           coalesce(CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_wouldseekadviceearlier_unknown,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_couldhandlesimilar_n,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_couldhandlesimilar_count,
           coalesce(CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_couldhandlesimilar_unknown,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_fulldisclosure_n,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_fulldisclosure_count,
           coalesce(CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_fulldisclosure_unknown,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_outcomesustained_n,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_outcomesustained_count,
           coalesce(CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_outcomesustained_unknown,
           CASE WHEN (f.followed_up) THEN coalesce(1, 0) ELSE 0 END AS p_pack_newproblematfollowup_n,
           CASE WHEN (f.followed_up) THEN coalesce(CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_newproblematfollowup_count,
           coalesce(CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END, 0) AS p_pack_newproblematfollowup_unknown,
           CASE WHEN (f.feedback_items_n > 0) THEN 1 ELSE 0 END AS p_pack_rqi_n,
           CASE WHEN (f.feedback_items_n > 0) THEN coalesce(((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100)::numeric, 0) ELSE 0 END AS p_pack_rqi_sum,
           CASE WHEN (f.relationship_minutes > 0) THEN 1 ELSE 0 END AS p_pack_continuity_n,
           CASE WHEN (f.relationship_minutes > 0) THEN coalesce((f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0))::numeric, 0) ELSE 0 END AS p_pack_continuity_sum,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_bouncein_n,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN coalesce((least(f.prior_organisations_contacted, 3))::numeric, 0) ELSE 0 END AS p_pack_bouncein_sum,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_confidencechange_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(((f.confidence_after - f.confidence_before))::numeric, 0) ELSE 0 END AS p_pack_confidencechange_sum,
           CASE WHEN (f.understood IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_understood_n,
           CASE WHEN (f.understood IS NOT NULL) THEN coalesce((f.understood)::numeric, 0) ELSE 0 END AS p_pack_understood_sum,
           CASE WHEN (f.trust IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_trust_n,
           CASE WHEN (f.trust IS NOT NULL) THEN coalesce((f.trust)::numeric, 0) ELSE 0 END AS p_pack_trust_sum,
           CASE WHEN (f.retelling_item_n > 0) THEN 1 ELSE 0 END AS p_pack_didnotrepeatstory_n,
           CASE WHEN (f.retelling_item_n > 0) THEN coalesce(((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)))::numeric, 0) ELSE 0 END AS p_pack_didnotrepeatstory_sum,
           b.*
      FROM (SELECT 1 AS s, (NEW).*) f
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE b.type = 'eviction_avoided') AS p_benefit_eviction_avoided_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'eviction_avoided'), 0) AS p_benefit_eviction_avoided_gbp,
              count(*) FILTER (WHERE b.type = 'eviction_avoided' AND b.amount IS NULL) AS p_benefit_eviction_avoided_without,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])) AS p_benefit_home_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])), 0) AS p_benefit_home_kept_gbp,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[]) AND b.amount IS NULL) AS p_benefit_home_kept_without,
              count(*) FILTER (WHERE b.type = 'benefit_awarded') AS p_benefit_benefit_awarded_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_awarded'), 0) AS p_benefit_benefit_awarded_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_awarded' AND b.amount IS NULL) AS p_benefit_benefit_awarded_without,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated') AS p_benefit_benefit_reinstated_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_reinstated'), 0) AS p_benefit_benefit_reinstated_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated' AND b.amount IS NULL) AS p_benefit_benefit_reinstated_without,
              count(*) FILTER (WHERE b.type = 'debt_written_off') AS p_benefit_debt_written_off_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_written_off'), 0) AS p_benefit_debt_written_off_gbp,
              count(*) FILTER (WHERE b.type = 'debt_written_off' AND b.amount IS NULL) AS p_benefit_debt_written_off_without,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable') AS p_benefit_debt_made_manageable_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_made_manageable'), 0) AS p_benefit_debt_made_manageable_gbp,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable' AND b.amount IS NULL) AS p_benefit_debt_made_manageable_without,
              count(*) FILTER (WHERE b.type = 'employment_kept') AS p_benefit_employment_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'employment_kept'), 0) AS p_benefit_employment_kept_gbp,
              count(*) FILTER (WHERE b.type = 'employment_kept' AND b.amount IS NULL) AS p_benefit_employment_kept_without,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured') AS p_benefit_immigration_status_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'immigration_status_secured'), 0) AS p_benefit_immigration_status_secured_gbp,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured' AND b.amount IS NULL) AS p_benefit_immigration_status_secured_without,
              count(*) FILTER (WHERE b.type = 'care_package_secured') AS p_benefit_care_package_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'care_package_secured'), 0) AS p_benefit_care_package_secured_gbp,
              count(*) FILTER (WHERE b.type = 'care_package_secured' AND b.amount IS NULL) AS p_benefit_care_package_secured_without,
              count(*) FILTER (WHERE b.type = 'other') AS p_benefit_other_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'other'), 0) AS p_benefit_other_gbp,
              count(*) FILTER (WHERE b.type = 'other' AND b.amount IS NULL) AS p_benefit_other_without
         FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    total_minutes = r.total_minutes + EXCLUDED.total_minutes,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    avoided_appeal = r.avoided_appeal + EXCLUDED.avoided_appeal,
    bounce_back_avoided = r.bounce_back_avoided + EXCLUDED.bounce_back_avoided,
    pack_negative = r.pack_negative + EXCLUDED.pack_negative,
    pack_positiveoutcome_n = r.pack_positiveoutcome_n + EXCLUDED.pack_positiveoutcome_n,
    pack_positiveoutcome_count = r.pack_positiveoutcome_count + EXCLUDED.pack_positiveoutcome_count,
    pack_accepted_n = r.pack_accepted_n + EXCLUDED.pack_accepted_n,
    pack_accepted_count = r.pack_accepted_count + EXCLUDED.pack_accepted_count,
    pack_avoidedappeal_n = r.pack_avoidedappeal_n + EXCLUDED.pack_avoidedappeal_n,
    pack_avoidedappeal_count = r.pack_avoidedappeal_count + EXCLUDED.pack_avoidedappeal_count,
    pack_problemuncovered_n = r.pack_problemuncovered_n + EXCLUDED.pack_problemuncovered_n,
    pack_problemuncovered_count = r.pack_problemuncovered_count + EXCLUDED.pack_problemuncovered_count,
    pack_bounceback_n = r.pack_bounceback_n + EXCLUDED.pack_bounceback_n,
    pack_bounceback_count = r.pack_bounceback_count + EXCLUDED.pack_bounceback_count,
    pack_bounceout_n = r.pack_bounceout_n + EXCLUDED.pack_bounceout_n,
    pack_bounceout_count = r.pack_bounceout_count + EXCLUDED.pack_bounceout_count,
    pack_bounceout_unknown = r.pack_bounceout_unknown + EXCLUDED.pack_bounceout_unknown,
    pack_referralcompletion_n = r.pack_referralcompletion_n + EXCLUDED.pack_referralcompletion_n,
    pack_referralcompletion_count = r.pack_referralcompletion_count + EXCLUDED.pack_referralcompletion_count,
    pack_referralcompletion_unknown = r.pack_referralcompletion_unknown + EXCLUDED.pack_referralcompletion_unknown,
    pack_confidenceimproved_n = r.pack_confidenceimproved_n + EXCLUDED.pack_confidenceimproved_n,
    pack_confidenceimproved_count = r.pack_confidenceimproved_count + EXCLUDED.pack_confidenceimproved_count,
    pack_confidenceimproved_unknown = r.pack_confidenceimproved_unknown + EXCLUDED.pack_confidenceimproved_unknown,
    pack_wouldseekadviceearlier_n = r.pack_wouldseekadviceearlier_n + EXCLUDED.pack_wouldseekadviceearlier_n,
    pack_wouldseekadviceearlier_count = r.pack_wouldseekadviceearlier_count + EXCLUDED.pack_wouldseekadviceearlier_count,
    pack_wouldseekadviceearlier_unknown = r.pack_wouldseekadviceearlier_unknown + EXCLUDED.pack_wouldseekadviceearlier_unknown,
    pack_couldhandlesimilar_n = r.pack_couldhandlesimilar_n + EXCLUDED.pack_couldhandlesimilar_n,
    pack_couldhandlesimilar_count = r.pack_couldhandlesimilar_count + EXCLUDED.pack_couldhandlesimilar_count,
    pack_couldhandlesimilar_unknown = r.pack_couldhandlesimilar_unknown + EXCLUDED.pack_couldhandlesimilar_unknown,
    pack_fulldisclosure_n = r.pack_fulldisclosure_n + EXCLUDED.pack_fulldisclosure_n,
    pack_fulldisclosure_count = r.pack_fulldisclosure_count + EXCLUDED.pack_fulldisclosure_count,
    pack_fulldisclosure_unknown = r.pack_fulldisclosure_unknown + EXCLUDED.pack_fulldisclosure_unknown,
    pack_outcomesustained_n = r.pack_outcomesustained_n + EXCLUDED.pack_outcomesustained_n,
    pack_outcomesustained_count = r.pack_outcomesustained_count + EXCLUDED.pack_outcomesustained_count,
    pack_outcomesustained_unknown = r.pack_outcomesustained_unknown + EXCLUDED.pack_outcomesustained_unknown,
    pack_newproblematfollowup_n = r.pack_newproblematfollowup_n + EXCLUDED.pack_newproblematfollowup_n,
    pack_newproblematfollowup_count = r.pack_newproblematfollowup_count + EXCLUDED.pack_newproblematfollowup_count,
    pack_newproblematfollowup_unknown = r.pack_newproblematfollowup_unknown + EXCLUDED.pack_newproblematfollowup_unknown,
    pack_rqi_n = r.pack_rqi_n + EXCLUDED.pack_rqi_n,
    pack_rqi_sum = r.pack_rqi_sum + EXCLUDED.pack_rqi_sum,
    pack_continuity_n = r.pack_continuity_n + EXCLUDED.pack_continuity_n,
    pack_continuity_sum = r.pack_continuity_sum + EXCLUDED.pack_continuity_sum,
    pack_bouncein_n = r.pack_bouncein_n + EXCLUDED.pack_bouncein_n,
    pack_bouncein_sum = r.pack_bouncein_sum + EXCLUDED.pack_bouncein_sum,
    pack_confidencechange_n = r.pack_confidencechange_n + EXCLUDED.pack_confidencechange_n,
    pack_confidencechange_sum = r.pack_confidencechange_sum + EXCLUDED.pack_confidencechange_sum,
    pack_understood_n = r.pack_understood_n + EXCLUDED.pack_understood_n,
    pack_understood_sum = r.pack_understood_sum + EXCLUDED.pack_understood_sum,
    pack_trust_n = r.pack_trust_n + EXCLUDED.pack_trust_n,
    pack_trust_sum = r.pack_trust_sum + EXCLUDED.pack_trust_sum,
    pack_didnotrepeatstory_n = r.pack_didnotrepeatstory_n + EXCLUDED.pack_didnotrepeatstory_n,
    pack_didnotrepeatstory_sum = r.pack_didnotrepeatstory_sum + EXCLUDED.pack_didnotrepeatstory_sum,
    benefit_eviction_avoided_cases = r.benefit_eviction_avoided_cases + EXCLUDED.benefit_eviction_avoided_cases,
    benefit_eviction_avoided_gbp = r.benefit_eviction_avoided_gbp + EXCLUDED.benefit_eviction_avoided_gbp,
    benefit_eviction_avoided_without = r.benefit_eviction_avoided_without + EXCLUDED.benefit_eviction_avoided_without,
    benefit_home_kept_cases = r.benefit_home_kept_cases + EXCLUDED.benefit_home_kept_cases,
    benefit_home_kept_gbp = r.benefit_home_kept_gbp + EXCLUDED.benefit_home_kept_gbp,
    benefit_home_kept_without = r.benefit_home_kept_without + EXCLUDED.benefit_home_kept_without,
    benefit_benefit_awarded_cases = r.benefit_benefit_awarded_cases + EXCLUDED.benefit_benefit_awarded_cases,
    benefit_benefit_awarded_gbp = r.benefit_benefit_awarded_gbp + EXCLUDED.benefit_benefit_awarded_gbp,
    benefit_benefit_awarded_without = r.benefit_benefit_awarded_without + EXCLUDED.benefit_benefit_awarded_without,
    benefit_benefit_reinstated_cases = r.benefit_benefit_reinstated_cases + EXCLUDED.benefit_benefit_reinstated_cases,
    benefit_benefit_reinstated_gbp = r.benefit_benefit_reinstated_gbp + EXCLUDED.benefit_benefit_reinstated_gbp,
    benefit_benefit_reinstated_without = r.benefit_benefit_reinstated_without + EXCLUDED.benefit_benefit_reinstated_without,
    benefit_debt_written_off_cases = r.benefit_debt_written_off_cases + EXCLUDED.benefit_debt_written_off_cases,
    benefit_debt_written_off_gbp = r.benefit_debt_written_off_gbp + EXCLUDED.benefit_debt_written_off_gbp,
    benefit_debt_written_off_without = r.benefit_debt_written_off_without + EXCLUDED.benefit_debt_written_off_without,
    benefit_debt_made_manageable_cases = r.benefit_debt_made_manageable_cases + EXCLUDED.benefit_debt_made_manageable_cases,
    benefit_debt_made_manageable_gbp = r.benefit_debt_made_manageable_gbp + EXCLUDED.benefit_debt_made_manageable_gbp,
    benefit_debt_made_manageable_without = r.benefit_debt_made_manageable_without + EXCLUDED.benefit_debt_made_manageable_without,
    benefit_employment_kept_cases = r.benefit_employment_kept_cases + EXCLUDED.benefit_employment_kept_cases,
    benefit_employment_kept_gbp = r.benefit_employment_kept_gbp + EXCLUDED.benefit_employment_kept_gbp,
    benefit_employment_kept_without = r.benefit_employment_kept_without + EXCLUDED.benefit_employment_kept_without,
    benefit_immigration_status_secured_cases = r.benefit_immigration_status_secured_cases + EXCLUDED.benefit_immigration_status_secured_cases,
    benefit_immigration_status_secured_gbp = r.benefit_immigration_status_secured_gbp + EXCLUDED.benefit_immigration_status_secured_gbp,
    benefit_immigration_status_secured_without = r.benefit_immigration_status_secured_without + EXCLUDED.benefit_immigration_status_secured_without,
    benefit_care_package_secured_cases = r.benefit_care_package_secured_cases + EXCLUDED.benefit_care_package_secured_cases,
    benefit_care_package_secured_gbp = r.benefit_care_package_secured_gbp + EXCLUDED.benefit_care_package_secured_gbp,
    benefit_care_package_secured_without = r.benefit_care_package_secured_without + EXCLUDED.benefit_care_package_secured_without,
    benefit_other_cases = r.benefit_other_cases + EXCLUDED.benefit_other_cases,
    benefit_other_gbp = r.benefit_other_gbp + EXCLUDED.benefit_other_gbp,
    benefit_other_without = r.benefit_other_without + EXCLUDED.benefit_other_without;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.closed_on IS NULL THEN RETURN NULL; END IF;
    INSERT INTO case_pricing_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band, cases, total_minutes, relationship_minutes, avoided_appeal, bounce_back_avoided, pack_negative, pack_positiveoutcome_n, pack_positiveoutcome_count, pack_accepted_n, pack_accepted_count, pack_avoidedappeal_n, pack_avoidedappeal_count, pack_problemuncovered_n, pack_problemuncovered_count, pack_bounceback_n, pack_bounceback_count, pack_bounceout_n, pack_bounceout_count, pack_bounceout_unknown, pack_referralcompletion_n, pack_referralcompletion_count, pack_referralcompletion_unknown, pack_confidenceimproved_n, pack_confidenceimproved_count, pack_confidenceimproved_unknown, pack_wouldseekadviceearlier_n, pack_wouldseekadviceearlier_count, pack_wouldseekadviceearlier_unknown, pack_couldhandlesimilar_n, pack_couldhandlesimilar_count, pack_couldhandlesimilar_unknown, pack_fulldisclosure_n, pack_fulldisclosure_count, pack_fulldisclosure_unknown, pack_outcomesustained_n, pack_outcomesustained_count, pack_outcomesustained_unknown, pack_newproblematfollowup_n, pack_newproblematfollowup_count, pack_newproblematfollowup_unknown, pack_rqi_n, pack_rqi_sum, pack_continuity_n, pack_continuity_sum, pack_bouncein_n, pack_bouncein_sum, pack_confidencechange_n, pack_confidencechange_sum, pack_understood_n, pack_understood_sum, pack_trust_n, pack_trust_sum, pack_didnotrepeatstory_n, pack_didnotrepeatstory_sum, benefit_eviction_avoided_cases, benefit_eviction_avoided_gbp, benefit_eviction_avoided_without, benefit_home_kept_cases, benefit_home_kept_gbp, benefit_home_kept_without, benefit_benefit_awarded_cases, benefit_benefit_awarded_gbp, benefit_benefit_awarded_without, benefit_benefit_reinstated_cases, benefit_benefit_reinstated_gbp, benefit_benefit_reinstated_without, benefit_debt_written_off_cases, benefit_debt_written_off_gbp, benefit_debt_written_off_without, benefit_debt_made_manageable_cases, benefit_debt_made_manageable_gbp, benefit_debt_made_manageable_without, benefit_employment_kept_cases, benefit_employment_kept_gbp, benefit_employment_kept_without, benefit_immigration_status_secured_cases, benefit_immigration_status_secured_gbp, benefit_immigration_status_secured_without, benefit_care_package_secured_cases, benefit_care_package_secured_gbp, benefit_care_package_secured_without, benefit_other_cases, benefit_other_gbp, benefit_other_without)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.band,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_total_minutes), 0)::bigint AS total_minutes,
         coalesce(sum(f.s * f.p_relationship_minutes), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * f.p_avoided_appeal), 0)::bigint AS avoided_appeal,
         coalesce(sum(f.s * f.p_bounce_back_avoided), 0)::bigint AS bounce_back_avoided,
         coalesce(sum(f.s * f.p_pack_negative), 0)::bigint AS pack_negative,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_n), 0)::bigint AS pack_positiveoutcome_n,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_count), 0)::bigint AS pack_positiveoutcome_count,
         coalesce(sum(f.s * f.p_pack_accepted_n), 0)::bigint AS pack_accepted_n,
         coalesce(sum(f.s * f.p_pack_accepted_count), 0)::bigint AS pack_accepted_count,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_n), 0)::bigint AS pack_avoidedappeal_n,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_count), 0)::bigint AS pack_avoidedappeal_count,
         coalesce(sum(f.s * f.p_pack_problemuncovered_n), 0)::bigint AS pack_problemuncovered_n,
         coalesce(sum(f.s * f.p_pack_problemuncovered_count), 0)::bigint AS pack_problemuncovered_count,
         coalesce(sum(f.s * f.p_pack_bounceback_n), 0)::bigint AS pack_bounceback_n,
         coalesce(sum(f.s * f.p_pack_bounceback_count), 0)::bigint AS pack_bounceback_count,
         coalesce(sum(f.s * f.p_pack_bounceout_n), 0)::bigint AS pack_bounceout_n,
         coalesce(sum(f.s * f.p_pack_bounceout_count), 0)::bigint AS pack_bounceout_count,
         coalesce(sum(f.s * f.p_pack_bounceout_unknown), 0)::bigint AS pack_bounceout_unknown,
         coalesce(sum(f.s * f.p_pack_referralcompletion_n), 0)::bigint AS pack_referralcompletion_n,
         coalesce(sum(f.s * f.p_pack_referralcompletion_count), 0)::bigint AS pack_referralcompletion_count,
         coalesce(sum(f.s * f.p_pack_referralcompletion_unknown), 0)::bigint AS pack_referralcompletion_unknown,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_n), 0)::bigint AS pack_confidenceimproved_n,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_count), 0)::bigint AS pack_confidenceimproved_count,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_unknown), 0)::bigint AS pack_confidenceimproved_unknown,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_n), 0)::bigint AS pack_wouldseekadviceearlier_n,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_count), 0)::bigint AS pack_wouldseekadviceearlier_count,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_unknown), 0)::bigint AS pack_wouldseekadviceearlier_unknown,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_n), 0)::bigint AS pack_couldhandlesimilar_n,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_count), 0)::bigint AS pack_couldhandlesimilar_count,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_unknown), 0)::bigint AS pack_couldhandlesimilar_unknown,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_n), 0)::bigint AS pack_fulldisclosure_n,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_count), 0)::bigint AS pack_fulldisclosure_count,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_unknown), 0)::bigint AS pack_fulldisclosure_unknown,
         coalesce(sum(f.s * f.p_pack_outcomesustained_n), 0)::bigint AS pack_outcomesustained_n,
         coalesce(sum(f.s * f.p_pack_outcomesustained_count), 0)::bigint AS pack_outcomesustained_count,
         coalesce(sum(f.s * f.p_pack_outcomesustained_unknown), 0)::bigint AS pack_outcomesustained_unknown,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_n), 0)::bigint AS pack_newproblematfollowup_n,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_count), 0)::bigint AS pack_newproblematfollowup_count,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_unknown), 0)::bigint AS pack_newproblematfollowup_unknown,
         coalesce(sum(f.s * f.p_pack_rqi_n), 0)::bigint AS pack_rqi_n,
         coalesce(sum(f.s * f.p_pack_rqi_sum), 0)::numeric AS pack_rqi_sum,
         coalesce(sum(f.s * f.p_pack_continuity_n), 0)::bigint AS pack_continuity_n,
         coalesce(sum(f.s * f.p_pack_continuity_sum), 0)::numeric AS pack_continuity_sum,
         coalesce(sum(f.s * f.p_pack_bouncein_n), 0)::bigint AS pack_bouncein_n,
         coalesce(sum(f.s * f.p_pack_bouncein_sum), 0)::numeric AS pack_bouncein_sum,
         coalesce(sum(f.s * f.p_pack_confidencechange_n), 0)::bigint AS pack_confidencechange_n,
         coalesce(sum(f.s * f.p_pack_confidencechange_sum), 0)::numeric AS pack_confidencechange_sum,
         coalesce(sum(f.s * f.p_pack_understood_n), 0)::bigint AS pack_understood_n,
         coalesce(sum(f.s * f.p_pack_understood_sum), 0)::numeric AS pack_understood_sum,
         coalesce(sum(f.s * f.p_pack_trust_n), 0)::bigint AS pack_trust_n,
         coalesce(sum(f.s * f.p_pack_trust_sum), 0)::numeric AS pack_trust_sum,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_n), 0)::bigint AS pack_didnotrepeatstory_n,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_sum), 0)::numeric AS pack_didnotrepeatstory_sum,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_cases), 0)::bigint AS benefit_eviction_avoided_cases,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_gbp), 0)::numeric AS benefit_eviction_avoided_gbp,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_without), 0)::bigint AS benefit_eviction_avoided_without,
         coalesce(sum(f.s * f.p_benefit_home_kept_cases), 0)::bigint AS benefit_home_kept_cases,
         coalesce(sum(f.s * f.p_benefit_home_kept_gbp), 0)::numeric AS benefit_home_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_home_kept_without), 0)::bigint AS benefit_home_kept_without,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_cases), 0)::bigint AS benefit_benefit_awarded_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_gbp), 0)::numeric AS benefit_benefit_awarded_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_without), 0)::bigint AS benefit_benefit_awarded_without,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_cases), 0)::bigint AS benefit_benefit_reinstated_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_gbp), 0)::numeric AS benefit_benefit_reinstated_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_without), 0)::bigint AS benefit_benefit_reinstated_without,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_cases), 0)::bigint AS benefit_debt_written_off_cases,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_gbp), 0)::numeric AS benefit_debt_written_off_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_without), 0)::bigint AS benefit_debt_written_off_without,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_cases), 0)::bigint AS benefit_debt_made_manageable_cases,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_gbp), 0)::numeric AS benefit_debt_made_manageable_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_without), 0)::bigint AS benefit_debt_made_manageable_without,
         coalesce(sum(f.s * f.p_benefit_employment_kept_cases), 0)::bigint AS benefit_employment_kept_cases,
         coalesce(sum(f.s * f.p_benefit_employment_kept_gbp), 0)::numeric AS benefit_employment_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_employment_kept_without), 0)::bigint AS benefit_employment_kept_without,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_cases), 0)::bigint AS benefit_immigration_status_secured_cases,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_gbp), 0)::numeric AS benefit_immigration_status_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_without), 0)::bigint AS benefit_immigration_status_secured_without,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_cases), 0)::bigint AS benefit_care_package_secured_cases,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_gbp), 0)::numeric AS benefit_care_package_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_without), 0)::bigint AS benefit_care_package_secured_without,
         coalesce(sum(f.s * f.p_benefit_other_cases), 0)::bigint AS benefit_other_cases,
         coalesce(sum(f.s * f.p_benefit_other_gbp), 0)::numeric AS benefit_other_gbp,
         coalesce(sum(f.s * f.p_benefit_other_without), 0)::bigint AS benefit_other_without
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.band,
           f.office_id, f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           1 AS p_cases,
           f.total_minutes AS p_total_minutes,
           f.relationship_minutes AS p_relationship_minutes,
           CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END AS p_avoided_appeal,
           CASE WHEN f.followed_up AND NOT f.same_problem_recontact_6m THEN 1 ELSE 0 END AS p_bounce_back_avoided,
           CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END AS p_pack_negative,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_n,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) AND (f.result IN ('positive', 'partly_positive')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_count,
           CASE WHEN (f.accepted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_accepted_n,
           CASE WHEN (f.accepted IS NOT NULL) AND (f.accepted) THEN 1 ELSE 0 END AS p_pack_accepted_count,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_n,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_count,
           CASE WHEN (true) THEN 1 ELSE 0 END AS p_pack_problemuncovered_n,
           CASE WHEN (true) AND (f.problems_count > 0) THEN 1 ELSE 0 END AS p_pack_problemuncovered_count,
           CASE WHEN (f.followed_up) THEN 1 ELSE 0 END AS p_pack_bounceback_n,
           CASE WHEN (f.followed_up) AND (f.same_problem_recontact_6m) THEN 1 ELSE 0 END AS p_pack_bounceback_count,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(1, 0) ELSE 0 END AS p_pack_bounceout_n,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_bounceout_count,
           coalesce(CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END, 0) AS p_pack_bounceout_unknown,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_known, 0) ELSE 0 END AS p_pack_referralcompletion_n,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_reached, 0) ELSE 0 END AS p_pack_referralcompletion_count,
           coalesce((f.referrals_out - f.referrals_out_known), 0) AS p_pack_referralcompletion_unknown,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_confidenceimproved_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_confidenceimproved_count,
           coalesce(CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END, 0) AS p_pack_confidenceimproved_unknown,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_n,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_count,
           coalesce(CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_wouldseekadviceearlier_unknown,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_couldhandlesimilar_n,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_couldhandlesimilar_count,
           coalesce(CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_couldhandlesimilar_unknown,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_fulldisclosure_n,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_fulldisclosure_count,
           coalesce(CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_fulldisclosure_unknown,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_outcomesustained_n,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_outcomesustained_count,
           coalesce(CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_outcomesustained_unknown,
           CASE WHEN (f.followed_up) THEN coalesce(1, 0) ELSE 0 END AS p_pack_newproblematfollowup_n,
           CASE WHEN (f.followed_up) THEN coalesce(CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_newproblematfollowup_count,
           coalesce(CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END, 0) AS p_pack_newproblematfollowup_unknown,
           CASE WHEN (f.feedback_items_n > 0) THEN 1 ELSE 0 END AS p_pack_rqi_n,
           CASE WHEN (f.feedback_items_n > 0) THEN coalesce(((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100)::numeric, 0) ELSE 0 END AS p_pack_rqi_sum,
           CASE WHEN (f.relationship_minutes > 0) THEN 1 ELSE 0 END AS p_pack_continuity_n,
           CASE WHEN (f.relationship_minutes > 0) THEN coalesce((f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0))::numeric, 0) ELSE 0 END AS p_pack_continuity_sum,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_bouncein_n,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN coalesce((least(f.prior_organisations_contacted, 3))::numeric, 0) ELSE 0 END AS p_pack_bouncein_sum,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_confidencechange_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(((f.confidence_after - f.confidence_before))::numeric, 0) ELSE 0 END AS p_pack_confidencechange_sum,
           CASE WHEN (f.understood IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_understood_n,
           CASE WHEN (f.understood IS NOT NULL) THEN coalesce((f.understood)::numeric, 0) ELSE 0 END AS p_pack_understood_sum,
           CASE WHEN (f.trust IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_trust_n,
           CASE WHEN (f.trust IS NOT NULL) THEN coalesce((f.trust)::numeric, 0) ELSE 0 END AS p_pack_trust_sum,
           CASE WHEN (f.retelling_item_n > 0) THEN 1 ELSE 0 END AS p_pack_didnotrepeatstory_n,
           CASE WHEN (f.retelling_item_n > 0) THEN coalesce(((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)))::numeric, 0) ELSE 0 END AS p_pack_didnotrepeatstory_sum,
           b.*
      FROM (SELECT -1 AS s, (OLD).*) f
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE b.type = 'eviction_avoided') AS p_benefit_eviction_avoided_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'eviction_avoided'), 0) AS p_benefit_eviction_avoided_gbp,
              count(*) FILTER (WHERE b.type = 'eviction_avoided' AND b.amount IS NULL) AS p_benefit_eviction_avoided_without,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])) AS p_benefit_home_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])), 0) AS p_benefit_home_kept_gbp,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[]) AND b.amount IS NULL) AS p_benefit_home_kept_without,
              count(*) FILTER (WHERE b.type = 'benefit_awarded') AS p_benefit_benefit_awarded_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_awarded'), 0) AS p_benefit_benefit_awarded_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_awarded' AND b.amount IS NULL) AS p_benefit_benefit_awarded_without,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated') AS p_benefit_benefit_reinstated_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_reinstated'), 0) AS p_benefit_benefit_reinstated_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated' AND b.amount IS NULL) AS p_benefit_benefit_reinstated_without,
              count(*) FILTER (WHERE b.type = 'debt_written_off') AS p_benefit_debt_written_off_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_written_off'), 0) AS p_benefit_debt_written_off_gbp,
              count(*) FILTER (WHERE b.type = 'debt_written_off' AND b.amount IS NULL) AS p_benefit_debt_written_off_without,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable') AS p_benefit_debt_made_manageable_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_made_manageable'), 0) AS p_benefit_debt_made_manageable_gbp,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable' AND b.amount IS NULL) AS p_benefit_debt_made_manageable_without,
              count(*) FILTER (WHERE b.type = 'employment_kept') AS p_benefit_employment_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'employment_kept'), 0) AS p_benefit_employment_kept_gbp,
              count(*) FILTER (WHERE b.type = 'employment_kept' AND b.amount IS NULL) AS p_benefit_employment_kept_without,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured') AS p_benefit_immigration_status_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'immigration_status_secured'), 0) AS p_benefit_immigration_status_secured_gbp,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured' AND b.amount IS NULL) AS p_benefit_immigration_status_secured_without,
              count(*) FILTER (WHERE b.type = 'care_package_secured') AS p_benefit_care_package_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'care_package_secured'), 0) AS p_benefit_care_package_secured_gbp,
              count(*) FILTER (WHERE b.type = 'care_package_secured' AND b.amount IS NULL) AS p_benefit_care_package_secured_without,
              count(*) FILTER (WHERE b.type = 'other') AS p_benefit_other_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'other'), 0) AS p_benefit_other_gbp,
              count(*) FILTER (WHERE b.type = 'other' AND b.amount IS NULL) AS p_benefit_other_without
         FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    total_minutes = r.total_minutes + EXCLUDED.total_minutes,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    avoided_appeal = r.avoided_appeal + EXCLUDED.avoided_appeal,
    bounce_back_avoided = r.bounce_back_avoided + EXCLUDED.bounce_back_avoided,
    pack_negative = r.pack_negative + EXCLUDED.pack_negative,
    pack_positiveoutcome_n = r.pack_positiveoutcome_n + EXCLUDED.pack_positiveoutcome_n,
    pack_positiveoutcome_count = r.pack_positiveoutcome_count + EXCLUDED.pack_positiveoutcome_count,
    pack_accepted_n = r.pack_accepted_n + EXCLUDED.pack_accepted_n,
    pack_accepted_count = r.pack_accepted_count + EXCLUDED.pack_accepted_count,
    pack_avoidedappeal_n = r.pack_avoidedappeal_n + EXCLUDED.pack_avoidedappeal_n,
    pack_avoidedappeal_count = r.pack_avoidedappeal_count + EXCLUDED.pack_avoidedappeal_count,
    pack_problemuncovered_n = r.pack_problemuncovered_n + EXCLUDED.pack_problemuncovered_n,
    pack_problemuncovered_count = r.pack_problemuncovered_count + EXCLUDED.pack_problemuncovered_count,
    pack_bounceback_n = r.pack_bounceback_n + EXCLUDED.pack_bounceback_n,
    pack_bounceback_count = r.pack_bounceback_count + EXCLUDED.pack_bounceback_count,
    pack_bounceout_n = r.pack_bounceout_n + EXCLUDED.pack_bounceout_n,
    pack_bounceout_count = r.pack_bounceout_count + EXCLUDED.pack_bounceout_count,
    pack_bounceout_unknown = r.pack_bounceout_unknown + EXCLUDED.pack_bounceout_unknown,
    pack_referralcompletion_n = r.pack_referralcompletion_n + EXCLUDED.pack_referralcompletion_n,
    pack_referralcompletion_count = r.pack_referralcompletion_count + EXCLUDED.pack_referralcompletion_count,
    pack_referralcompletion_unknown = r.pack_referralcompletion_unknown + EXCLUDED.pack_referralcompletion_unknown,
    pack_confidenceimproved_n = r.pack_confidenceimproved_n + EXCLUDED.pack_confidenceimproved_n,
    pack_confidenceimproved_count = r.pack_confidenceimproved_count + EXCLUDED.pack_confidenceimproved_count,
    pack_confidenceimproved_unknown = r.pack_confidenceimproved_unknown + EXCLUDED.pack_confidenceimproved_unknown,
    pack_wouldseekadviceearlier_n = r.pack_wouldseekadviceearlier_n + EXCLUDED.pack_wouldseekadviceearlier_n,
    pack_wouldseekadviceearlier_count = r.pack_wouldseekadviceearlier_count + EXCLUDED.pack_wouldseekadviceearlier_count,
    pack_wouldseekadviceearlier_unknown = r.pack_wouldseekadviceearlier_unknown + EXCLUDED.pack_wouldseekadviceearlier_unknown,
    pack_couldhandlesimilar_n = r.pack_couldhandlesimilar_n + EXCLUDED.pack_couldhandlesimilar_n,
    pack_couldhandlesimilar_count = r.pack_couldhandlesimilar_count + EXCLUDED.pack_couldhandlesimilar_count,
    pack_couldhandlesimilar_unknown = r.pack_couldhandlesimilar_unknown + EXCLUDED.pack_couldhandlesimilar_unknown,
    pack_fulldisclosure_n = r.pack_fulldisclosure_n + EXCLUDED.pack_fulldisclosure_n,
    pack_fulldisclosure_count = r.pack_fulldisclosure_count + EXCLUDED.pack_fulldisclosure_count,
    pack_fulldisclosure_unknown = r.pack_fulldisclosure_unknown + EXCLUDED.pack_fulldisclosure_unknown,
    pack_outcomesustained_n = r.pack_outcomesustained_n + EXCLUDED.pack_outcomesustained_n,
    pack_outcomesustained_count = r.pack_outcomesustained_count + EXCLUDED.pack_outcomesustained_count,
    pack_outcomesustained_unknown = r.pack_outcomesustained_unknown + EXCLUDED.pack_outcomesustained_unknown,
    pack_newproblematfollowup_n = r.pack_newproblematfollowup_n + EXCLUDED.pack_newproblematfollowup_n,
    pack_newproblematfollowup_count = r.pack_newproblematfollowup_count + EXCLUDED.pack_newproblematfollowup_count,
    pack_newproblematfollowup_unknown = r.pack_newproblematfollowup_unknown + EXCLUDED.pack_newproblematfollowup_unknown,
    pack_rqi_n = r.pack_rqi_n + EXCLUDED.pack_rqi_n,
    pack_rqi_sum = r.pack_rqi_sum + EXCLUDED.pack_rqi_sum,
    pack_continuity_n = r.pack_continuity_n + EXCLUDED.pack_continuity_n,
    pack_continuity_sum = r.pack_continuity_sum + EXCLUDED.pack_continuity_sum,
    pack_bouncein_n = r.pack_bouncein_n + EXCLUDED.pack_bouncein_n,
    pack_bouncein_sum = r.pack_bouncein_sum + EXCLUDED.pack_bouncein_sum,
    pack_confidencechange_n = r.pack_confidencechange_n + EXCLUDED.pack_confidencechange_n,
    pack_confidencechange_sum = r.pack_confidencechange_sum + EXCLUDED.pack_confidencechange_sum,
    pack_understood_n = r.pack_understood_n + EXCLUDED.pack_understood_n,
    pack_understood_sum = r.pack_understood_sum + EXCLUDED.pack_understood_sum,
    pack_trust_n = r.pack_trust_n + EXCLUDED.pack_trust_n,
    pack_trust_sum = r.pack_trust_sum + EXCLUDED.pack_trust_sum,
    pack_didnotrepeatstory_n = r.pack_didnotrepeatstory_n + EXCLUDED.pack_didnotrepeatstory_n,
    pack_didnotrepeatstory_sum = r.pack_didnotrepeatstory_sum + EXCLUDED.pack_didnotrepeatstory_sum,
    benefit_eviction_avoided_cases = r.benefit_eviction_avoided_cases + EXCLUDED.benefit_eviction_avoided_cases,
    benefit_eviction_avoided_gbp = r.benefit_eviction_avoided_gbp + EXCLUDED.benefit_eviction_avoided_gbp,
    benefit_eviction_avoided_without = r.benefit_eviction_avoided_without + EXCLUDED.benefit_eviction_avoided_without,
    benefit_home_kept_cases = r.benefit_home_kept_cases + EXCLUDED.benefit_home_kept_cases,
    benefit_home_kept_gbp = r.benefit_home_kept_gbp + EXCLUDED.benefit_home_kept_gbp,
    benefit_home_kept_without = r.benefit_home_kept_without + EXCLUDED.benefit_home_kept_without,
    benefit_benefit_awarded_cases = r.benefit_benefit_awarded_cases + EXCLUDED.benefit_benefit_awarded_cases,
    benefit_benefit_awarded_gbp = r.benefit_benefit_awarded_gbp + EXCLUDED.benefit_benefit_awarded_gbp,
    benefit_benefit_awarded_without = r.benefit_benefit_awarded_without + EXCLUDED.benefit_benefit_awarded_without,
    benefit_benefit_reinstated_cases = r.benefit_benefit_reinstated_cases + EXCLUDED.benefit_benefit_reinstated_cases,
    benefit_benefit_reinstated_gbp = r.benefit_benefit_reinstated_gbp + EXCLUDED.benefit_benefit_reinstated_gbp,
    benefit_benefit_reinstated_without = r.benefit_benefit_reinstated_without + EXCLUDED.benefit_benefit_reinstated_without,
    benefit_debt_written_off_cases = r.benefit_debt_written_off_cases + EXCLUDED.benefit_debt_written_off_cases,
    benefit_debt_written_off_gbp = r.benefit_debt_written_off_gbp + EXCLUDED.benefit_debt_written_off_gbp,
    benefit_debt_written_off_without = r.benefit_debt_written_off_without + EXCLUDED.benefit_debt_written_off_without,
    benefit_debt_made_manageable_cases = r.benefit_debt_made_manageable_cases + EXCLUDED.benefit_debt_made_manageable_cases,
    benefit_debt_made_manageable_gbp = r.benefit_debt_made_manageable_gbp + EXCLUDED.benefit_debt_made_manageable_gbp,
    benefit_debt_made_manageable_without = r.benefit_debt_made_manageable_without + EXCLUDED.benefit_debt_made_manageable_without,
    benefit_employment_kept_cases = r.benefit_employment_kept_cases + EXCLUDED.benefit_employment_kept_cases,
    benefit_employment_kept_gbp = r.benefit_employment_kept_gbp + EXCLUDED.benefit_employment_kept_gbp,
    benefit_employment_kept_without = r.benefit_employment_kept_without + EXCLUDED.benefit_employment_kept_without,
    benefit_immigration_status_secured_cases = r.benefit_immigration_status_secured_cases + EXCLUDED.benefit_immigration_status_secured_cases,
    benefit_immigration_status_secured_gbp = r.benefit_immigration_status_secured_gbp + EXCLUDED.benefit_immigration_status_secured_gbp,
    benefit_immigration_status_secured_without = r.benefit_immigration_status_secured_without + EXCLUDED.benefit_immigration_status_secured_without,
    benefit_care_package_secured_cases = r.benefit_care_package_secured_cases + EXCLUDED.benefit_care_package_secured_cases,
    benefit_care_package_secured_gbp = r.benefit_care_package_secured_gbp + EXCLUDED.benefit_care_package_secured_gbp,
    benefit_care_package_secured_without = r.benefit_care_package_secured_without + EXCLUDED.benefit_care_package_secured_without,
    benefit_other_cases = r.benefit_other_cases + EXCLUDED.benefit_other_cases,
    benefit_other_gbp = r.benefit_other_gbp + EXCLUDED.benefit_other_gbp,
    benefit_other_without = r.benefit_other_without + EXCLUDED.benefit_other_without;
  ELSE
    IF (OLD.closed_on IS NULL AND NEW.closed_on IS NULL) OR OLD IS NOT DISTINCT FROM NEW THEN RETURN NULL; END IF;
    INSERT INTO case_pricing_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band, cases, total_minutes, relationship_minutes, avoided_appeal, bounce_back_avoided, pack_negative, pack_positiveoutcome_n, pack_positiveoutcome_count, pack_accepted_n, pack_accepted_count, pack_avoidedappeal_n, pack_avoidedappeal_count, pack_problemuncovered_n, pack_problemuncovered_count, pack_bounceback_n, pack_bounceback_count, pack_bounceout_n, pack_bounceout_count, pack_bounceout_unknown, pack_referralcompletion_n, pack_referralcompletion_count, pack_referralcompletion_unknown, pack_confidenceimproved_n, pack_confidenceimproved_count, pack_confidenceimproved_unknown, pack_wouldseekadviceearlier_n, pack_wouldseekadviceearlier_count, pack_wouldseekadviceearlier_unknown, pack_couldhandlesimilar_n, pack_couldhandlesimilar_count, pack_couldhandlesimilar_unknown, pack_fulldisclosure_n, pack_fulldisclosure_count, pack_fulldisclosure_unknown, pack_outcomesustained_n, pack_outcomesustained_count, pack_outcomesustained_unknown, pack_newproblematfollowup_n, pack_newproblematfollowup_count, pack_newproblematfollowup_unknown, pack_rqi_n, pack_rqi_sum, pack_continuity_n, pack_continuity_sum, pack_bouncein_n, pack_bouncein_sum, pack_confidencechange_n, pack_confidencechange_sum, pack_understood_n, pack_understood_sum, pack_trust_n, pack_trust_sum, pack_didnotrepeatstory_n, pack_didnotrepeatstory_sum, benefit_eviction_avoided_cases, benefit_eviction_avoided_gbp, benefit_eviction_avoided_without, benefit_home_kept_cases, benefit_home_kept_gbp, benefit_home_kept_without, benefit_benefit_awarded_cases, benefit_benefit_awarded_gbp, benefit_benefit_awarded_without, benefit_benefit_reinstated_cases, benefit_benefit_reinstated_gbp, benefit_benefit_reinstated_without, benefit_debt_written_off_cases, benefit_debt_written_off_gbp, benefit_debt_written_off_without, benefit_debt_made_manageable_cases, benefit_debt_made_manageable_gbp, benefit_debt_made_manageable_without, benefit_employment_kept_cases, benefit_employment_kept_gbp, benefit_employment_kept_without, benefit_immigration_status_secured_cases, benefit_immigration_status_secured_gbp, benefit_immigration_status_secured_without, benefit_care_package_secured_cases, benefit_care_package_secured_gbp, benefit_care_package_secured_without, benefit_other_cases, benefit_other_gbp, benefit_other_without)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.band,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_total_minutes), 0)::bigint AS total_minutes,
         coalesce(sum(f.s * f.p_relationship_minutes), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * f.p_avoided_appeal), 0)::bigint AS avoided_appeal,
         coalesce(sum(f.s * f.p_bounce_back_avoided), 0)::bigint AS bounce_back_avoided,
         coalesce(sum(f.s * f.p_pack_negative), 0)::bigint AS pack_negative,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_n), 0)::bigint AS pack_positiveoutcome_n,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_count), 0)::bigint AS pack_positiveoutcome_count,
         coalesce(sum(f.s * f.p_pack_accepted_n), 0)::bigint AS pack_accepted_n,
         coalesce(sum(f.s * f.p_pack_accepted_count), 0)::bigint AS pack_accepted_count,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_n), 0)::bigint AS pack_avoidedappeal_n,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_count), 0)::bigint AS pack_avoidedappeal_count,
         coalesce(sum(f.s * f.p_pack_problemuncovered_n), 0)::bigint AS pack_problemuncovered_n,
         coalesce(sum(f.s * f.p_pack_problemuncovered_count), 0)::bigint AS pack_problemuncovered_count,
         coalesce(sum(f.s * f.p_pack_bounceback_n), 0)::bigint AS pack_bounceback_n,
         coalesce(sum(f.s * f.p_pack_bounceback_count), 0)::bigint AS pack_bounceback_count,
         coalesce(sum(f.s * f.p_pack_bounceout_n), 0)::bigint AS pack_bounceout_n,
         coalesce(sum(f.s * f.p_pack_bounceout_count), 0)::bigint AS pack_bounceout_count,
         coalesce(sum(f.s * f.p_pack_bounceout_unknown), 0)::bigint AS pack_bounceout_unknown,
         coalesce(sum(f.s * f.p_pack_referralcompletion_n), 0)::bigint AS pack_referralcompletion_n,
         coalesce(sum(f.s * f.p_pack_referralcompletion_count), 0)::bigint AS pack_referralcompletion_count,
         coalesce(sum(f.s * f.p_pack_referralcompletion_unknown), 0)::bigint AS pack_referralcompletion_unknown,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_n), 0)::bigint AS pack_confidenceimproved_n,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_count), 0)::bigint AS pack_confidenceimproved_count,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_unknown), 0)::bigint AS pack_confidenceimproved_unknown,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_n), 0)::bigint AS pack_wouldseekadviceearlier_n,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_count), 0)::bigint AS pack_wouldseekadviceearlier_count,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_unknown), 0)::bigint AS pack_wouldseekadviceearlier_unknown,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_n), 0)::bigint AS pack_couldhandlesimilar_n,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_count), 0)::bigint AS pack_couldhandlesimilar_count,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_unknown), 0)::bigint AS pack_couldhandlesimilar_unknown,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_n), 0)::bigint AS pack_fulldisclosure_n,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_count), 0)::bigint AS pack_fulldisclosure_count,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_unknown), 0)::bigint AS pack_fulldisclosure_unknown,
         coalesce(sum(f.s * f.p_pack_outcomesustained_n), 0)::bigint AS pack_outcomesustained_n,
         coalesce(sum(f.s * f.p_pack_outcomesustained_count), 0)::bigint AS pack_outcomesustained_count,
         coalesce(sum(f.s * f.p_pack_outcomesustained_unknown), 0)::bigint AS pack_outcomesustained_unknown,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_n), 0)::bigint AS pack_newproblematfollowup_n,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_count), 0)::bigint AS pack_newproblematfollowup_count,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_unknown), 0)::bigint AS pack_newproblematfollowup_unknown,
         coalesce(sum(f.s * f.p_pack_rqi_n), 0)::bigint AS pack_rqi_n,
         coalesce(sum(f.s * f.p_pack_rqi_sum), 0)::numeric AS pack_rqi_sum,
         coalesce(sum(f.s * f.p_pack_continuity_n), 0)::bigint AS pack_continuity_n,
         coalesce(sum(f.s * f.p_pack_continuity_sum), 0)::numeric AS pack_continuity_sum,
         coalesce(sum(f.s * f.p_pack_bouncein_n), 0)::bigint AS pack_bouncein_n,
         coalesce(sum(f.s * f.p_pack_bouncein_sum), 0)::numeric AS pack_bouncein_sum,
         coalesce(sum(f.s * f.p_pack_confidencechange_n), 0)::bigint AS pack_confidencechange_n,
         coalesce(sum(f.s * f.p_pack_confidencechange_sum), 0)::numeric AS pack_confidencechange_sum,
         coalesce(sum(f.s * f.p_pack_understood_n), 0)::bigint AS pack_understood_n,
         coalesce(sum(f.s * f.p_pack_understood_sum), 0)::numeric AS pack_understood_sum,
         coalesce(sum(f.s * f.p_pack_trust_n), 0)::bigint AS pack_trust_n,
         coalesce(sum(f.s * f.p_pack_trust_sum), 0)::numeric AS pack_trust_sum,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_n), 0)::bigint AS pack_didnotrepeatstory_n,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_sum), 0)::numeric AS pack_didnotrepeatstory_sum,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_cases), 0)::bigint AS benefit_eviction_avoided_cases,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_gbp), 0)::numeric AS benefit_eviction_avoided_gbp,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_without), 0)::bigint AS benefit_eviction_avoided_without,
         coalesce(sum(f.s * f.p_benefit_home_kept_cases), 0)::bigint AS benefit_home_kept_cases,
         coalesce(sum(f.s * f.p_benefit_home_kept_gbp), 0)::numeric AS benefit_home_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_home_kept_without), 0)::bigint AS benefit_home_kept_without,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_cases), 0)::bigint AS benefit_benefit_awarded_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_gbp), 0)::numeric AS benefit_benefit_awarded_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_without), 0)::bigint AS benefit_benefit_awarded_without,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_cases), 0)::bigint AS benefit_benefit_reinstated_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_gbp), 0)::numeric AS benefit_benefit_reinstated_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_without), 0)::bigint AS benefit_benefit_reinstated_without,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_cases), 0)::bigint AS benefit_debt_written_off_cases,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_gbp), 0)::numeric AS benefit_debt_written_off_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_without), 0)::bigint AS benefit_debt_written_off_without,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_cases), 0)::bigint AS benefit_debt_made_manageable_cases,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_gbp), 0)::numeric AS benefit_debt_made_manageable_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_without), 0)::bigint AS benefit_debt_made_manageable_without,
         coalesce(sum(f.s * f.p_benefit_employment_kept_cases), 0)::bigint AS benefit_employment_kept_cases,
         coalesce(sum(f.s * f.p_benefit_employment_kept_gbp), 0)::numeric AS benefit_employment_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_employment_kept_without), 0)::bigint AS benefit_employment_kept_without,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_cases), 0)::bigint AS benefit_immigration_status_secured_cases,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_gbp), 0)::numeric AS benefit_immigration_status_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_without), 0)::bigint AS benefit_immigration_status_secured_without,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_cases), 0)::bigint AS benefit_care_package_secured_cases,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_gbp), 0)::numeric AS benefit_care_package_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_without), 0)::bigint AS benefit_care_package_secured_without,
         coalesce(sum(f.s * f.p_benefit_other_cases), 0)::bigint AS benefit_other_cases,
         coalesce(sum(f.s * f.p_benefit_other_gbp), 0)::numeric AS benefit_other_gbp,
         coalesce(sum(f.s * f.p_benefit_other_without), 0)::bigint AS benefit_other_without
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.band,
           f.office_id, f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           1 AS p_cases,
           f.total_minutes AS p_total_minutes,
           f.relationship_minutes AS p_relationship_minutes,
           CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END AS p_avoided_appeal,
           CASE WHEN f.followed_up AND NOT f.same_problem_recontact_6m THEN 1 ELSE 0 END AS p_bounce_back_avoided,
           CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END AS p_pack_negative,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_n,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) AND (f.result IN ('positive', 'partly_positive')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_count,
           CASE WHEN (f.accepted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_accepted_n,
           CASE WHEN (f.accepted IS NOT NULL) AND (f.accepted) THEN 1 ELSE 0 END AS p_pack_accepted_count,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_n,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_count,
           CASE WHEN (true) THEN 1 ELSE 0 END AS p_pack_problemuncovered_n,
           CASE WHEN (true) AND (f.problems_count > 0) THEN 1 ELSE 0 END AS p_pack_problemuncovered_count,
           CASE WHEN (f.followed_up) THEN 1 ELSE 0 END AS p_pack_bounceback_n,
           CASE WHEN (f.followed_up) AND (f.same_problem_recontact_6m) THEN 1 ELSE 0 END AS p_pack_bounceback_count,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(1, 0) ELSE 0 END AS p_pack_bounceout_n,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_bounceout_count,
           coalesce(CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END, 0) AS p_pack_bounceout_unknown,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_known, 0) ELSE 0 END AS p_pack_referralcompletion_n,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_reached, 0) ELSE 0 END AS p_pack_referralcompletion_count,
           coalesce((f.referrals_out - f.referrals_out_known), 0) AS p_pack_referralcompletion_unknown,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_confidenceimproved_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_confidenceimproved_count,
           coalesce(CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END, 0) AS p_pack_confidenceimproved_unknown,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_n,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_count,
           coalesce(CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_wouldseekadviceearlier_unknown,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_couldhandlesimilar_n,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_couldhandlesimilar_count,
           coalesce(CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_couldhandlesimilar_unknown,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_fulldisclosure_n,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_fulldisclosure_count,
           coalesce(CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_fulldisclosure_unknown,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_outcomesustained_n,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_outcomesustained_count,
           coalesce(CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_outcomesustained_unknown,
           CASE WHEN (f.followed_up) THEN coalesce(1, 0) ELSE 0 END AS p_pack_newproblematfollowup_n,
           CASE WHEN (f.followed_up) THEN coalesce(CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_newproblematfollowup_count,
           coalesce(CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END, 0) AS p_pack_newproblematfollowup_unknown,
           CASE WHEN (f.feedback_items_n > 0) THEN 1 ELSE 0 END AS p_pack_rqi_n,
           CASE WHEN (f.feedback_items_n > 0) THEN coalesce(((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100)::numeric, 0) ELSE 0 END AS p_pack_rqi_sum,
           CASE WHEN (f.relationship_minutes > 0) THEN 1 ELSE 0 END AS p_pack_continuity_n,
           CASE WHEN (f.relationship_minutes > 0) THEN coalesce((f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0))::numeric, 0) ELSE 0 END AS p_pack_continuity_sum,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_bouncein_n,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN coalesce((least(f.prior_organisations_contacted, 3))::numeric, 0) ELSE 0 END AS p_pack_bouncein_sum,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_confidencechange_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(((f.confidence_after - f.confidence_before))::numeric, 0) ELSE 0 END AS p_pack_confidencechange_sum,
           CASE WHEN (f.understood IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_understood_n,
           CASE WHEN (f.understood IS NOT NULL) THEN coalesce((f.understood)::numeric, 0) ELSE 0 END AS p_pack_understood_sum,
           CASE WHEN (f.trust IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_trust_n,
           CASE WHEN (f.trust IS NOT NULL) THEN coalesce((f.trust)::numeric, 0) ELSE 0 END AS p_pack_trust_sum,
           CASE WHEN (f.retelling_item_n > 0) THEN 1 ELSE 0 END AS p_pack_didnotrepeatstory_n,
           CASE WHEN (f.retelling_item_n > 0) THEN coalesce(((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)))::numeric, 0) ELSE 0 END AS p_pack_didnotrepeatstory_sum,
           b.*
      FROM (SELECT -1 AS s, (OLD).* UNION ALL SELECT 1 AS s, (NEW).*) f
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE b.type = 'eviction_avoided') AS p_benefit_eviction_avoided_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'eviction_avoided'), 0) AS p_benefit_eviction_avoided_gbp,
              count(*) FILTER (WHERE b.type = 'eviction_avoided' AND b.amount IS NULL) AS p_benefit_eviction_avoided_without,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])) AS p_benefit_home_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])), 0) AS p_benefit_home_kept_gbp,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[]) AND b.amount IS NULL) AS p_benefit_home_kept_without,
              count(*) FILTER (WHERE b.type = 'benefit_awarded') AS p_benefit_benefit_awarded_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_awarded'), 0) AS p_benefit_benefit_awarded_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_awarded' AND b.amount IS NULL) AS p_benefit_benefit_awarded_without,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated') AS p_benefit_benefit_reinstated_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_reinstated'), 0) AS p_benefit_benefit_reinstated_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated' AND b.amount IS NULL) AS p_benefit_benefit_reinstated_without,
              count(*) FILTER (WHERE b.type = 'debt_written_off') AS p_benefit_debt_written_off_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_written_off'), 0) AS p_benefit_debt_written_off_gbp,
              count(*) FILTER (WHERE b.type = 'debt_written_off' AND b.amount IS NULL) AS p_benefit_debt_written_off_without,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable') AS p_benefit_debt_made_manageable_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_made_manageable'), 0) AS p_benefit_debt_made_manageable_gbp,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable' AND b.amount IS NULL) AS p_benefit_debt_made_manageable_without,
              count(*) FILTER (WHERE b.type = 'employment_kept') AS p_benefit_employment_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'employment_kept'), 0) AS p_benefit_employment_kept_gbp,
              count(*) FILTER (WHERE b.type = 'employment_kept' AND b.amount IS NULL) AS p_benefit_employment_kept_without,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured') AS p_benefit_immigration_status_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'immigration_status_secured'), 0) AS p_benefit_immigration_status_secured_gbp,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured' AND b.amount IS NULL) AS p_benefit_immigration_status_secured_without,
              count(*) FILTER (WHERE b.type = 'care_package_secured') AS p_benefit_care_package_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'care_package_secured'), 0) AS p_benefit_care_package_secured_gbp,
              count(*) FILTER (WHERE b.type = 'care_package_secured' AND b.amount IS NULL) AS p_benefit_care_package_secured_without,
              count(*) FILTER (WHERE b.type = 'other') AS p_benefit_other_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'other'), 0) AS p_benefit_other_gbp,
              count(*) FILTER (WHERE b.type = 'other' AND b.amount IS NULL) AS p_benefit_other_without
         FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band) DO UPDATE SET
    cases = r.cases + EXCLUDED.cases,
    total_minutes = r.total_minutes + EXCLUDED.total_minutes,
    relationship_minutes = r.relationship_minutes + EXCLUDED.relationship_minutes,
    avoided_appeal = r.avoided_appeal + EXCLUDED.avoided_appeal,
    bounce_back_avoided = r.bounce_back_avoided + EXCLUDED.bounce_back_avoided,
    pack_negative = r.pack_negative + EXCLUDED.pack_negative,
    pack_positiveoutcome_n = r.pack_positiveoutcome_n + EXCLUDED.pack_positiveoutcome_n,
    pack_positiveoutcome_count = r.pack_positiveoutcome_count + EXCLUDED.pack_positiveoutcome_count,
    pack_accepted_n = r.pack_accepted_n + EXCLUDED.pack_accepted_n,
    pack_accepted_count = r.pack_accepted_count + EXCLUDED.pack_accepted_count,
    pack_avoidedappeal_n = r.pack_avoidedappeal_n + EXCLUDED.pack_avoidedappeal_n,
    pack_avoidedappeal_count = r.pack_avoidedappeal_count + EXCLUDED.pack_avoidedappeal_count,
    pack_problemuncovered_n = r.pack_problemuncovered_n + EXCLUDED.pack_problemuncovered_n,
    pack_problemuncovered_count = r.pack_problemuncovered_count + EXCLUDED.pack_problemuncovered_count,
    pack_bounceback_n = r.pack_bounceback_n + EXCLUDED.pack_bounceback_n,
    pack_bounceback_count = r.pack_bounceback_count + EXCLUDED.pack_bounceback_count,
    pack_bounceout_n = r.pack_bounceout_n + EXCLUDED.pack_bounceout_n,
    pack_bounceout_count = r.pack_bounceout_count + EXCLUDED.pack_bounceout_count,
    pack_bounceout_unknown = r.pack_bounceout_unknown + EXCLUDED.pack_bounceout_unknown,
    pack_referralcompletion_n = r.pack_referralcompletion_n + EXCLUDED.pack_referralcompletion_n,
    pack_referralcompletion_count = r.pack_referralcompletion_count + EXCLUDED.pack_referralcompletion_count,
    pack_referralcompletion_unknown = r.pack_referralcompletion_unknown + EXCLUDED.pack_referralcompletion_unknown,
    pack_confidenceimproved_n = r.pack_confidenceimproved_n + EXCLUDED.pack_confidenceimproved_n,
    pack_confidenceimproved_count = r.pack_confidenceimproved_count + EXCLUDED.pack_confidenceimproved_count,
    pack_confidenceimproved_unknown = r.pack_confidenceimproved_unknown + EXCLUDED.pack_confidenceimproved_unknown,
    pack_wouldseekadviceearlier_n = r.pack_wouldseekadviceearlier_n + EXCLUDED.pack_wouldseekadviceearlier_n,
    pack_wouldseekadviceearlier_count = r.pack_wouldseekadviceearlier_count + EXCLUDED.pack_wouldseekadviceearlier_count,
    pack_wouldseekadviceearlier_unknown = r.pack_wouldseekadviceearlier_unknown + EXCLUDED.pack_wouldseekadviceearlier_unknown,
    pack_couldhandlesimilar_n = r.pack_couldhandlesimilar_n + EXCLUDED.pack_couldhandlesimilar_n,
    pack_couldhandlesimilar_count = r.pack_couldhandlesimilar_count + EXCLUDED.pack_couldhandlesimilar_count,
    pack_couldhandlesimilar_unknown = r.pack_couldhandlesimilar_unknown + EXCLUDED.pack_couldhandlesimilar_unknown,
    pack_fulldisclosure_n = r.pack_fulldisclosure_n + EXCLUDED.pack_fulldisclosure_n,
    pack_fulldisclosure_count = r.pack_fulldisclosure_count + EXCLUDED.pack_fulldisclosure_count,
    pack_fulldisclosure_unknown = r.pack_fulldisclosure_unknown + EXCLUDED.pack_fulldisclosure_unknown,
    pack_outcomesustained_n = r.pack_outcomesustained_n + EXCLUDED.pack_outcomesustained_n,
    pack_outcomesustained_count = r.pack_outcomesustained_count + EXCLUDED.pack_outcomesustained_count,
    pack_outcomesustained_unknown = r.pack_outcomesustained_unknown + EXCLUDED.pack_outcomesustained_unknown,
    pack_newproblematfollowup_n = r.pack_newproblematfollowup_n + EXCLUDED.pack_newproblematfollowup_n,
    pack_newproblematfollowup_count = r.pack_newproblematfollowup_count + EXCLUDED.pack_newproblematfollowup_count,
    pack_newproblematfollowup_unknown = r.pack_newproblematfollowup_unknown + EXCLUDED.pack_newproblematfollowup_unknown,
    pack_rqi_n = r.pack_rqi_n + EXCLUDED.pack_rqi_n,
    pack_rqi_sum = r.pack_rqi_sum + EXCLUDED.pack_rqi_sum,
    pack_continuity_n = r.pack_continuity_n + EXCLUDED.pack_continuity_n,
    pack_continuity_sum = r.pack_continuity_sum + EXCLUDED.pack_continuity_sum,
    pack_bouncein_n = r.pack_bouncein_n + EXCLUDED.pack_bouncein_n,
    pack_bouncein_sum = r.pack_bouncein_sum + EXCLUDED.pack_bouncein_sum,
    pack_confidencechange_n = r.pack_confidencechange_n + EXCLUDED.pack_confidencechange_n,
    pack_confidencechange_sum = r.pack_confidencechange_sum + EXCLUDED.pack_confidencechange_sum,
    pack_understood_n = r.pack_understood_n + EXCLUDED.pack_understood_n,
    pack_understood_sum = r.pack_understood_sum + EXCLUDED.pack_understood_sum,
    pack_trust_n = r.pack_trust_n + EXCLUDED.pack_trust_n,
    pack_trust_sum = r.pack_trust_sum + EXCLUDED.pack_trust_sum,
    pack_didnotrepeatstory_n = r.pack_didnotrepeatstory_n + EXCLUDED.pack_didnotrepeatstory_n,
    pack_didnotrepeatstory_sum = r.pack_didnotrepeatstory_sum + EXCLUDED.pack_didnotrepeatstory_sum,
    benefit_eviction_avoided_cases = r.benefit_eviction_avoided_cases + EXCLUDED.benefit_eviction_avoided_cases,
    benefit_eviction_avoided_gbp = r.benefit_eviction_avoided_gbp + EXCLUDED.benefit_eviction_avoided_gbp,
    benefit_eviction_avoided_without = r.benefit_eviction_avoided_without + EXCLUDED.benefit_eviction_avoided_without,
    benefit_home_kept_cases = r.benefit_home_kept_cases + EXCLUDED.benefit_home_kept_cases,
    benefit_home_kept_gbp = r.benefit_home_kept_gbp + EXCLUDED.benefit_home_kept_gbp,
    benefit_home_kept_without = r.benefit_home_kept_without + EXCLUDED.benefit_home_kept_without,
    benefit_benefit_awarded_cases = r.benefit_benefit_awarded_cases + EXCLUDED.benefit_benefit_awarded_cases,
    benefit_benefit_awarded_gbp = r.benefit_benefit_awarded_gbp + EXCLUDED.benefit_benefit_awarded_gbp,
    benefit_benefit_awarded_without = r.benefit_benefit_awarded_without + EXCLUDED.benefit_benefit_awarded_without,
    benefit_benefit_reinstated_cases = r.benefit_benefit_reinstated_cases + EXCLUDED.benefit_benefit_reinstated_cases,
    benefit_benefit_reinstated_gbp = r.benefit_benefit_reinstated_gbp + EXCLUDED.benefit_benefit_reinstated_gbp,
    benefit_benefit_reinstated_without = r.benefit_benefit_reinstated_without + EXCLUDED.benefit_benefit_reinstated_without,
    benefit_debt_written_off_cases = r.benefit_debt_written_off_cases + EXCLUDED.benefit_debt_written_off_cases,
    benefit_debt_written_off_gbp = r.benefit_debt_written_off_gbp + EXCLUDED.benefit_debt_written_off_gbp,
    benefit_debt_written_off_without = r.benefit_debt_written_off_without + EXCLUDED.benefit_debt_written_off_without,
    benefit_debt_made_manageable_cases = r.benefit_debt_made_manageable_cases + EXCLUDED.benefit_debt_made_manageable_cases,
    benefit_debt_made_manageable_gbp = r.benefit_debt_made_manageable_gbp + EXCLUDED.benefit_debt_made_manageable_gbp,
    benefit_debt_made_manageable_without = r.benefit_debt_made_manageable_without + EXCLUDED.benefit_debt_made_manageable_without,
    benefit_employment_kept_cases = r.benefit_employment_kept_cases + EXCLUDED.benefit_employment_kept_cases,
    benefit_employment_kept_gbp = r.benefit_employment_kept_gbp + EXCLUDED.benefit_employment_kept_gbp,
    benefit_employment_kept_without = r.benefit_employment_kept_without + EXCLUDED.benefit_employment_kept_without,
    benefit_immigration_status_secured_cases = r.benefit_immigration_status_secured_cases + EXCLUDED.benefit_immigration_status_secured_cases,
    benefit_immigration_status_secured_gbp = r.benefit_immigration_status_secured_gbp + EXCLUDED.benefit_immigration_status_secured_gbp,
    benefit_immigration_status_secured_without = r.benefit_immigration_status_secured_without + EXCLUDED.benefit_immigration_status_secured_without,
    benefit_care_package_secured_cases = r.benefit_care_package_secured_cases + EXCLUDED.benefit_care_package_secured_cases,
    benefit_care_package_secured_gbp = r.benefit_care_package_secured_gbp + EXCLUDED.benefit_care_package_secured_gbp,
    benefit_care_package_secured_without = r.benefit_care_package_secured_without + EXCLUDED.benefit_care_package_secured_without,
    benefit_other_cases = r.benefit_other_cases + EXCLUDED.benefit_other_cases,
    benefit_other_gbp = r.benefit_other_gbp + EXCLUDED.benefit_other_gbp,
    benefit_other_without = r.benefit_other_without + EXCLUDED.benefit_other_without;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.closed_on IS NOT NULL THEN
    DELETE FROM case_pricing_rollups
     WHERE organisation_id = OLD.organisation_id AND closed_month = date_trunc('month', OLD.closed_on)::date
       AND cases = 0;
  END IF;
  RETURN NULL;
END $function$
CREATE OR REPLACE FUNCTION public.case_rollups_apply()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        -- Bulk imports rebuild their organisation's roll-ups once, at the end of their transaction.
        IF current_setting('deepvalue.defer_facts', true) = 'on' THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          
  INSERT INTO case_rollups AS r (organisation_id, dim, dim_value, closed_on, band, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
  SELECT organisation_id, dim, dim_value, closed_on, band, -n_closed, -n_with_result, -n_positive, -n_accept_asked, -n_accepted, -n_negative_appeal_known, -n_negative_avoided, -n_uncovered, -n_bounce_back, -n_followed_up
  FROM (SELECT organisation_id, dim, dim_value, closed_on, band, count(*) FILTER (WHERE true)::integer AS n_closed,
  count(*) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative'))::integer AS n_with_result,
  count(*) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive')))::integer AS n_positive,
  count(*) FILTER (WHERE accepted IS NOT NULL)::integer AS n_accept_asked,
  count(*) FILTER (WHERE (accepted IS NOT NULL) AND (accepted))::integer AS n_accepted,
  count(*) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_appeal_known,
  count(*) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_avoided,
  count(*) FILTER (WHERE problems_count > 0)::integer AS n_uncovered,
  count(*) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m))::integer AS n_bounce_back,
  count(*) FILTER (WHERE followed_up)::integer AS n_followed_up
        FROM (
  SELECT organisation_id, d.dim, d.dim_value, closed_on, band, result, accepted, appeal, problems_count, same_problem_recontact_6m, appeal_not_pursued_reason, followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c
        GROUP BY organisation_id, dim, dim_value, closed_on, band) g
  ORDER BY organisation_id, dim, dim_value, closed_on, band
  ON CONFLICT (organisation_id, dim, dim_value, closed_on, band) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    n_with_result = r.n_with_result + EXCLUDED.n_with_result,
    n_positive = r.n_positive + EXCLUDED.n_positive,
    n_accept_asked = r.n_accept_asked + EXCLUDED.n_accept_asked,
    n_accepted = r.n_accepted + EXCLUDED.n_accepted,
    n_negative_appeal_known = r.n_negative_appeal_known + EXCLUDED.n_negative_appeal_known,
    n_negative_avoided = r.n_negative_avoided + EXCLUDED.n_negative_avoided,
    n_uncovered = r.n_uncovered + EXCLUDED.n_uncovered,
    n_bounce_back = r.n_bounce_back + EXCLUDED.n_bounce_back,
    n_followed_up = r.n_followed_up + EXCLUDED.n_followed_up;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          
  INSERT INTO case_rollups AS r (organisation_id, dim, dim_value, closed_on, band, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
  SELECT organisation_id, dim, dim_value, closed_on, band, +n_closed, +n_with_result, +n_positive, +n_accept_asked, +n_accepted, +n_negative_appeal_known, +n_negative_avoided, +n_uncovered, +n_bounce_back, +n_followed_up
  FROM (SELECT organisation_id, dim, dim_value, closed_on, band, count(*) FILTER (WHERE true)::integer AS n_closed,
  count(*) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative'))::integer AS n_with_result,
  count(*) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive')))::integer AS n_positive,
  count(*) FILTER (WHERE accepted IS NOT NULL)::integer AS n_accept_asked,
  count(*) FILTER (WHERE (accepted IS NOT NULL) AND (accepted))::integer AS n_accepted,
  count(*) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_appeal_known,
  count(*) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_avoided,
  count(*) FILTER (WHERE problems_count > 0)::integer AS n_uncovered,
  count(*) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m))::integer AS n_bounce_back,
  count(*) FILTER (WHERE followed_up)::integer AS n_followed_up
        FROM (
  SELECT organisation_id, d.dim, d.dim_value, closed_on, band, result, accepted, appeal, problems_count, same_problem_recontact_6m, appeal_not_pursued_reason, followed_up
  FROM (SELECT NEW.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c
        GROUP BY organisation_id, dim, dim_value, closed_on, band) g
  ORDER BY organisation_id, dim, dim_value, closed_on, band
  ON CONFLICT (organisation_id, dim, dim_value, closed_on, band) DO UPDATE SET
    n_closed = r.n_closed + EXCLUDED.n_closed,
    n_with_result = r.n_with_result + EXCLUDED.n_with_result,
    n_positive = r.n_positive + EXCLUDED.n_positive,
    n_accept_asked = r.n_accept_asked + EXCLUDED.n_accept_asked,
    n_accepted = r.n_accepted + EXCLUDED.n_accepted,
    n_negative_appeal_known = r.n_negative_appeal_known + EXCLUDED.n_negative_appeal_known,
    n_negative_avoided = r.n_negative_avoided + EXCLUDED.n_negative_avoided,
    n_uncovered = r.n_uncovered + EXCLUDED.n_uncovered,
    n_bounce_back = r.n_bounce_back + EXCLUDED.n_bounce_back,
    n_followed_up = r.n_followed_up + EXCLUDED.n_followed_up;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          DELETE FROM case_rollups r
          USING (SELECT DISTINCT organisation_id, dim, dim_value, closed_on, band FROM (
  SELECT organisation_id, d.dim, d.dim_value, closed_on, band, result, accepted, appeal, problems_count, same_problem_recontact_6m, appeal_not_pursued_reason, followed_up
  FROM (SELECT OLD.*) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL) c) k
          WHERE r.organisation_id = OLD.organisation_id AND r.organisation_id = k.organisation_id AND r.dim = k.dim AND r.dim_value = k.dim_value
            AND r.closed_on = k.closed_on AND r.band = k.band AND r.n_closed = 0;
        END IF;
        RETURN NULL;
      END $function$
CREATE OR REPLACE FUNCTION public.deepvalue_distribute()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  local_tables text[] := ARRAY['migrations','sign_in_attempts','sign_in_failures','audit_log','audit_chain_heads','import_jobs'];
  reference_tables text[] := ARRAY['organisations','organisation_shares','fee_default_rates'];
  r record;
  fk record;
  cols text;
  def text;
  anchor text;
  r_config text[];
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN RETURN; END IF;

  -- 0. The facts and roll-up triggers run on the workers' shards. Citus cannot plan the parameters
  -- of a LANGUAGE sql function there, so the void SQL functions they call (refresh_case_facts,
  -- rebuild_case_rollups, ...) become PL/pgSQL with the same statements and settings, and
  -- case_facts' ON CONFLICT names its new key. Done on every run: a later migration may redefine them.
  FOR r IN
    SELECT p.oid, p.proname, pg_get_function_arguments(p.oid) AS args, p.prosrc, p.proconfig
    FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'sql' AND p.prorettype = 'void'::regtype
  LOOP
    EXECUTE format('CREATE OR REPLACE FUNCTION public.%I(%s) RETURNS void LANGUAGE plpgsql AS %L', r.proname, r.args,
      'BEGIN ' || regexp_replace(replace(r.prosrc, 'ON CONFLICT (case_id)', 'ON CONFLICT (organisation_id, case_id)'),
                                 ';?\s*$', '') || '; END');
    FOR def IN SELECT unnest(r.proconfig) LOOP
      EXECUTE format('ALTER FUNCTION public.%I(%s) SET %I = %L', r.proname, r.args, split_part(def, '=', 1),
                     substring(def FROM position('=' IN def) + 1));
    END LOOP;
  END LOOP;
  PERFORM deepvalue_route_facts();
  -- fee_rows_for(org) as PL/pgSQL with the same query (redone when a migration restates it in SQL).
  IF EXISTS (SELECT 1 FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
             WHERE p.oid = to_regprocedure('public.fee_rows_for(uuid)') AND l.lanname = 'sql') THEN
    SELECT p.prosrc, pg_get_function_result(p.oid) INTO def, cols FROM pg_proc p
     WHERE p.oid = 'public.fee_rows_for(uuid)'::regprocedure;
    EXECUTE format('CREATE OR REPLACE FUNCTION public.fee_rows_for(org uuid) RETURNS %s LANGUAGE plpgsql STABLE '
                   'SET plan_cache_mode = force_custom_plan AS %L', cols,
                   '#variable_conflict use_column' || chr(10) || 'BEGIN RETURN QUERY ' ||
                   regexp_replace(def, ';?\s*$', '') || '; END');
  END IF;
  -- rebuild_case_fee_rollups(org) with the fee rows read first.
  SELECT p.prosrc, pg_get_function_arguments(p.oid), p.proconfig INTO def, anchor, r_config FROM pg_proc p
   WHERE p.oid = to_regprocedure('public.rebuild_case_fee_rollups(uuid, boolean)');
  IF position('(SELECT * FROM fee_rows_for(org))' IN coalesce(def, '')) > 0 THEN
    SELECT regexp_replace(pg_get_function_result('public.fee_rows_for(uuid)'::regprocedure), '^TABLE', '') INTO cols;
    def := replace(def, '(SELECT * FROM fee_rows_for(org))', format('(SELECT * FROM jsonb_to_recordset(fee_rows) AS x%s)', cols));
    def := regexp_replace(def, '^\s*BEGIN',
      'DECLARE fee_rows jsonb := (SELECT coalesce(jsonb_agg(x), ''[]'') FROM fee_rows_for(org) x);' || chr(10) || 'BEGIN');
    EXECUTE format('CREATE OR REPLACE FUNCTION public.rebuild_case_fee_rollups(%s) RETURNS void LANGUAGE plpgsql AS %L',
                   anchor, def);
    FOR cols IN SELECT unnest(r_config) LOOP
      EXECUTE format('ALTER FUNCTION public.rebuild_case_fee_rollups(uuid, boolean) SET %I = %L', split_part(cols, '=', 1),
                     substring(cols FROM position('=' IN cols) + 1));
    END LOOP;
    ALTER FUNCTION public.rebuild_case_fee_rollups(uuid, boolean) SET plan_cache_mode = force_custom_plan;
  END IF;
  EXECUTE format('ALTER DATABASE %I SET citus.propagate_set_commands = local', current_database());
  -- case_facts_touch_row() takes a time entry's difference on a shard too.
  SELECT p.prosrc INTO def FROM pg_proc p WHERE p.oid = to_regprocedure('public.case_facts_touch_row()');
  IF position('TG_TABLE_NAME = ''time_entries''' IN coalesce(def, '')) > 0 AND position('case_facts_time_entry_delta(OLD, CASE WHEN TG_OP = ''UPDATE'' THEN NEW END)' IN def) > 0 THEN
    def := replace(replace(def, 'TG_TABLE_NAME = ''time_entries''', 'TG_TABLE_NAME ~ ''^time_entries(_[0-9]+)?$'''), 'case_facts_time_entry_delta(OLD, CASE WHEN TG_OP = ''UPDATE'' THEN NEW END)', 'case_facts_time_entry_delta(jsonb_populate_record(NULL::time_entries, to_jsonb(OLD)), CASE WHEN TG_OP = ''UPDATE'' THEN jsonb_populate_record(NULL::time_entries, to_jsonb(NEW)) END)');
    EXECUTE format('CREATE OR REPLACE FUNCTION public.case_facts_touch_row() RETURNS trigger LANGUAGE plpgsql AS %L', def);
    ALTER FUNCTION public.case_facts_touch_row() SET plan_cache_mode = force_custom_plan;
  END IF;
  IF to_regprocedure('public.case_facts_time_entry_delta(time_entries, time_entries)') IS NOT NULL THEN
    ALTER FUNCTION public.case_facts_time_entry_delta(time_entries, time_entries) SET plan_cache_mode = force_custom_plan;
  END IF;
  -- Nothing left to place: every table already is distributed, a reference table or deliberately local.
  IF NOT EXISTS (
    SELECT 1 FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
      AND NOT EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND (p.partmethod = 'h' OR p.repmodel = 't'))
      AND NOT c.relname = ANY(local_tables)
      AND (c.relname = ANY(reference_tables) OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND a.attnotnull))
  ) THEN RETURN; END IF;

  PERFORM set_config('citus.enable_unsafe_triggers', 'on', true);
  PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);

  CREATE TEMP TABLE dv_targets ON COMMIT DROP AS
    SELECT c.oid AS rel, c.relname AS name,
           CASE WHEN c.relname = ANY(reference_tables) THEN 'reference' ELSE 'distributed' END AS kind,
           EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = c.oid AND (p.partmethod = 'h' OR p.repmodel = 't')) AS placed
    FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND NOT c.relname = ANY(local_tables)
      AND (c.relname = ANY(reference_tables) OR EXISTS (
        SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND a.attnotnull));

  -- 1. Take off every foreign key touching a table still to be placed (kept by name: placing a
  -- coordinator table that references a reference table replaces it by a new relation).
  CREATE TEMP TABLE dv_fks ON COMMIT DROP AS
    SELECT con.conname, con.conrelid::regclass::text AS src, con.confrelid::regclass::text AS dst,
           pg_get_constraintdef(con.oid) AS def,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i) AS cols,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_cols
    FROM pg_constraint con
    WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
      AND (con.conrelid IN (SELECT rel FROM dv_targets WHERE NOT placed)
        OR con.confrelid IN (SELECT rel FROM dv_targets WHERE NOT placed));
  FOR fk IN SELECT * FROM dv_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.src, fk.conname);
  END LOOP;

  -- 1b. A Citus local table (made so by a key onto a reference table) goes back to a plain table;
  -- that makes a new relation, so the targets follow it by name.
  FOR r IN SELECT t.name FROM dv_targets t
           WHERE t.kind = 'distributed' AND NOT t.placed
             AND EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = t.name::regclass) LOOP
    PERFORM undistribute_table(r.name::regclass);
  END LOOP;
  UPDATE dv_targets SET rel = name::regclass WHERE NOT placed;

  -- 2. Unique keys of tables to distribute must contain organisation_id.
  FOR r IN
    SELECT con.conname, con.conrelid, con.contype, t.name
    FROM pg_constraint con JOIN dv_targets t ON t.rel = con.conrelid
    WHERE t.kind = 'distributed' AND NOT t.placed AND con.contype IN ('p', 'u')
      AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = ANY(con.conkey)
                        AND a.attname = 'organisation_id')
  LOOP
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.i) INTO cols
    FROM unnest((SELECT conkey FROM pg_constraint WHERE conname = r.conname AND conrelid = r.conrelid)) WITH ORDINALITY k(attnum, i)
    JOIN pg_attribute a ON a.attrelid = r.conrelid AND a.attnum = k.attnum;
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, r.conname);
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = r.conrelid AND contype IN ('p', 'u')
                 AND pg_get_constraintdef(oid) IN (format('UNIQUE (organisation_id, %s)', cols), format('PRIMARY KEY (organisation_id, %s)', cols)))
       AND r.contype = 'u' THEN
      CONTINUE;
    END IF;
    IF r.contype = 'p' AND EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = r.conrelid AND contype = 'u'
                                     AND pg_get_constraintdef(oid) = format('UNIQUE (organisation_id, %s)', cols)) THEN
      -- UNIQUE (organisation_id, id) already there: it becomes the primary key.
      SELECT conname INTO def FROM pg_constraint WHERE conrelid = r.conrelid AND contype = 'u'
        AND pg_get_constraintdef(oid) = format('UNIQUE (organisation_id, %s)', cols);
      EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.conrelid::regclass, def);
    END IF;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s (organisation_id, %s)', r.conrelid::regclass, r.conname,
                   CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, cols);
  END LOOP;

  -- 3. Place the tables: reference tables, then cases, then the rest co-located with cases.
  FOR r IN SELECT * FROM dv_targets WHERE kind = 'reference' AND NOT placed LOOP
    PERFORM create_reference_table(r.rel);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'cases'::regclass AND partmethod = 'h') THEN
    anchor := 'cases';
  ELSE
    PERFORM create_distributed_table('cases', 'organisation_id');
    anchor := 'cases';
  END IF;
  FOR r IN SELECT * FROM dv_targets WHERE kind = 'distributed' AND NOT placed AND name <> 'cases' ORDER BY name LOOP
    PERFORM create_distributed_table(r.rel, 'organisation_id', colocate_with => anchor);
  END LOOP;

  -- 4. Put the foreign keys back, composite where the key they referenced now is. Citus refuses
  -- ON DELETE SET NULL on a key holding the distribution column: such keys become NO ACTION.
  FOR fk IN SELECT * FROM dv_fks LOOP
    def := fk.def;
    IF EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = fk.dst::regclass AND partmethod = 'h') THEN
      IF NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = fk.src::regclass AND partmethod = 'h') THEN
        RAISE NOTICE 'deepvalue_distribute: % on % dropped (a coordinator or reference table cannot reference a distributed one)',
          fk.conname, fk.src;
        CONTINUE;
      END IF;
      IF NOT 'organisation_id' = ANY(fk.cols) THEN
        fk.cols := array_prepend('organisation_id'::text, fk.cols);
        fk.ref_cols := array_prepend('organisation_id'::text, fk.ref_cols);
      END IF;
      IF def LIKE '%ON DELETE SET%' THEN
        RAISE NOTICE 'deepvalue_distribute: % on % is NO ACTION on delete (was %)', fk.conname, fk.src, substring(def FROM 'ON DELETE SET [A-Z]+');
      END IF;
      SELECT format('FOREIGN KEY (%s) REFERENCES %s(%s)', string_agg(quote_ident(c), ', '), fk.dst,
                    (SELECT string_agg(quote_ident(rc), ', ') FROM unnest(fk.ref_cols) rc))
        INTO def FROM unnest(fk.cols) c;
      IF fk.def LIKE '%ON DELETE CASCADE%' THEN def := def || ' ON DELETE CASCADE'; END IF;
    END IF;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', fk.src, fk.conname, def);
  END LOOP;
END $function$
CREATE OR REPLACE FUNCTION public.deepvalue_route_facts()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  src text;
  config text[];
  def text;
  r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN RETURN; END IF;
  SELECT p.prosrc, p.proconfig INTO src, config FROM pg_proc p WHERE p.oid = 'refresh_case_facts(uuid[])'::regprocedure;
  IF position('JOIN cases c ON c.id = k.id' IN src) = 0 THEN
    RAISE EXCEPTION 'deepvalue_route_facts: refresh_case_facts no longer joins cases as "JOIN cases c ON c.id = k.id"';
  END IF;
  src := replace(src, 'JOIN cases c ON c.id = k.id', 'JOIN cases c ON c.organisation_id = org AND c.id = k.id');
  -- x.organisation_id = y.organisation_id, with both x and y filtered to org, is x.organisation_id = org.
  src := regexp_replace(src, '\m([a-z][a-z0-9_]*)\.organisation_id = [a-z][a-z0-9_]*\.organisation_id', '\1.organisation_id = org', 'g');
  EXECUTE format('CREATE OR REPLACE FUNCTION public.refresh_case_facts_of(org uuid, ids uuid[]) RETURNS void LANGUAGE plpgsql AS %L', src);
  FOR def IN SELECT unnest(config) LOOP
    EXECUTE format('ALTER FUNCTION public.refresh_case_facts_of(uuid, uuid[]) SET %I = %L', split_part(def, '=', 1),
                   substring(def FROM position('=' IN def) + 1));
  END LOOP;
  ALTER FUNCTION public.refresh_case_facts_of(uuid, uuid[]) SET plan_cache_mode = force_custom_plan;

  FOR r IN
    SELECT p.oid, p.proname, p.prosrc FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
    WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'plpgsql' AND p.prorettype = 'trigger'::regtype
  LOOP
    src := r.prosrc;
    src := replace(src, 'refresh_case_facts(ARRAY[NEW.', 'refresh_case_facts_of(NEW.organisation_id, ARRAY[NEW.');
    src := replace(src, 'refresh_case_facts(ARRAY[OLD.', 'refresh_case_facts_of(OLD.organisation_id, ARRAY[OLD.');
    src := replace(src, 'refresh_case_facts(ARRAY(', 'refresh_case_facts_of(NEW.organisation_id, ARRAY(');
    IF src ~ 'refresh_case_facts\(' THEN
      RAISE EXCEPTION 'deepvalue_route_facts: % calls refresh_case_facts in a form it cannot route', r.proname;
    END IF;
    IF src <> r.prosrc THEN
      EXECUTE format('CREATE OR REPLACE FUNCTION public.%I() RETURNS trigger LANGUAGE plpgsql AS %L', r.proname, src);
    END IF;
    EXECUTE format('ALTER FUNCTION public.%I() SET plan_cache_mode = force_custom_plan', r.proname);
  END LOOP;
END $function$
CREATE OR REPLACE FUNCTION public.fee_rows_for(org uuid)
 RETURNS TABLE(category text, effective_from date, effective_until date, fixed_fee_gbp numeric, escape_threshold_gbp numeric, hourly_rate_gbp numeric)
 LANGUAGE sql
 STABLE
AS $function$
  SELECT r.category, r.effective_from,
         lead(r.effective_from) OVER (PARTITION BY r.category ORDER BY r.effective_from),
         r.fixed_fee_gbp, r.escape_threshold_gbp, r.hourly_rate_gbp
    FROM fee_rates r
   WHERE r.organisation_id = org
     AND r.version = (SELECT max(l.version) FROM fee_rates l WHERE l.organisation_id = org)
  UNION ALL
  SELECT d.category, d.effective_from,
         lead(d.effective_from) OVER (PARTITION BY d.category ORDER BY d.effective_from),
         d.fixed_fee_gbp, d.escape_threshold_gbp, NULL::numeric
    FROM fee_default_rates d
   WHERE NOT EXISTS (SELECT 1 FROM fee_rates l WHERE l.organisation_id = org)
$function$
CREATE OR REPLACE FUNCTION public.feedback_scores_valid(items jsonb)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$
        SELECT jsonb_typeof(items) = 'object' AND NOT EXISTS (
          SELECT 1 FROM jsonb_each(items) e
          WHERE jsonb_typeof(e.value) <> 'number' OR e.value::numeric NOT IN (1, 2, 3, 4, 5))
      $function$
CREATE OR REPLACE FUNCTION public.idempotency_claim(org uuid, idempotency_key text, lifetime_hours integer)
 RETURNS TABLE(claimed boolean, method text, path text, request_hash text, status_code integer, response jsonb)
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RETURN QUERY SELECT false, k.method, k.path, k.request_hash, k.status_code, k.response FROM idempotency_keys k
          WHERE k.organisation_id = org AND k.key = idempotency_key AND k.status_code IS NOT NULL
            AND k.created_at >= now() - make_interval(hours => lifetime_hours);
        IF FOUND THEN RETURN; END IF;
        IF NOT pg_try_advisory_xact_lock(hashtext(org::text), hashtext(idempotency_key)) THEN RETURN; END IF;
        RETURN QUERY SELECT false, k.method, k.path, k.request_hash, k.status_code, k.response FROM idempotency_keys k
          WHERE k.organisation_id = org AND k.key = idempotency_key AND k.status_code IS NOT NULL
            AND k.created_at >= now() - make_interval(hours => lifetime_hours);
        IF FOUND THEN RETURN; END IF;
        RETURN QUERY SELECT true, NULL::text, NULL::text, NULL::text, NULL::integer, NULL::jsonb;
      END $function$
CREATE OR REPLACE FUNCTION public.rebuild_case_fee_rollups(org uuid, with_minutes boolean DEFAULT true)
 RETURNS void
 LANGUAGE plpgsql
 SET work_mem TO '128MB'
AS $function$
BEGIN
  DELETE FROM case_fee_rollups WHERE organisation_id = org;
  INSERT INTO case_fee_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, fee_from, hour, cases, minutes, within_cases, within_n, within_positive, beyond_cases, beyond_n, beyond_positive, escape_n, escape_count)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.fee_from, f.total_minutes / 60,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_minutes), 0)::bigint AS minutes,
         coalesce(sum(f.s * f.p_within_cases), 0)::bigint AS within_cases,
         coalesce(sum(f.s * f.p_within_n), 0)::bigint AS within_n,
         coalesce(sum(f.s * f.p_within_positive), 0)::bigint AS within_positive,
         coalesce(sum(f.s * f.p_beyond_cases), 0)::bigint AS beyond_cases,
         coalesce(sum(f.s * f.p_beyond_n), 0)::bigint AS beyond_n,
         coalesce(sum(f.s * f.p_beyond_positive), 0)::bigint AS beyond_positive,
         coalesce(sum(f.s * f.p_escape_n), 0)::bigint AS escape_n,
         coalesce(sum(f.s * f.p_escape_count), 0)::bigint AS escape_count
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.total_minutes, f.office_id,
           f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(fee.effective_from, '-infinity') AS fee_from,
           1 AS p_cases,
           f.total_minutes AS p_minutes,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_within_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_within_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp <= fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_within_positive,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 THEN 1 ELSE 0 END AS p_beyond_cases,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END AS p_beyond_n,
           CASE WHEN f.total_minutes * fee.hourly_rate_gbp > fee.fixed_fee_gbp * 60 AND f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END AS p_beyond_positive,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL THEN 1 ELSE 0 END AS p_escape_n,
           CASE WHEN fee.hourly_rate_gbp IS NOT NULL AND fee.escape_threshold_gbp IS NOT NULL AND f.total_minutes * fee.hourly_rate_gbp > fee.escape_threshold_gbp * 60 THEN 1 ELSE 0 END AS p_escape_count
      FROM (SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org) f
      LEFT JOIN (SELECT * FROM fee_rows_for(org)) fee ON fee.category = f.category AND f.opened_on >= fee.effective_from
                           AND (fee.effective_until IS NULL OR f.opened_on < fee.effective_until)
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
   ORDER BY 1, 2, 3, 4, 5, 6, 7, 8;
  IF with_minutes THEN
    DELETE FROM case_fee_minute_rollups WHERE organisation_id = org;
    INSERT INTO case_fee_minute_rollups AS r (organisation_id, dim, dim_value, category, total_minutes, closed_month, evidence_consent, n)
  SELECT f.organisation_id, d.dim, d.dim_value, f.category, f.total_minutes, date_trunc('month', f.closed_on)::date,
         f.evidence_consent, sum(f.s)::integer
    FROM (SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7;
  END IF;
END $function$
CREATE OR REPLACE FUNCTION public.rebuild_case_measure_rollups(org uuid)
 RETURNS void
 LANGUAGE plpgsql
 SET work_mem TO '128MB'
AS $function$
BEGIN
  DELETE FROM case_measure_rollups WHERE organisation_id = org;
  DELETE FROM case_value_rollups WHERE organisation_id = org;
  INSERT INTO case_measure_rollups AS r (organisation_id, dim, dim_value, closed_on, n_closed, positive_outcome_n, positive_outcome_count, positive_outcome_scope, positive_outcome_unknown, accepted_n, accepted_count, accepted_scope, accepted_unknown, avoided_appeal_n, avoided_appeal_count, avoided_appeal_scope, avoided_appeal_unknown, problem_uncovered_n, problem_uncovered_count, problem_uncovered_scope, problem_uncovered_unknown, bounce_back_n, bounce_back_count, bounce_back_scope, bounce_back_unknown, avoided_appeal_overall_n, avoided_appeal_overall_count, avoided_appeal_overall_scope, avoided_appeal_overall_unknown, bounce_out_n, bounce_out_count, bounce_out_scope, bounce_out_unknown, referral_completion_n, referral_completion_count, referral_completion_scope, referral_completion_unknown, relationship_minutes, relationship_share_sum, relationship_share_n, continuity_sum, continuity_n, first_contact_n, seen_within_2, seen_within_10, rqi_sum, rqi_n, rqi_items, problems, bounce_in_0, bounce_in_1, bounce_in_2, bounce_in_3, bounce_in_unknown, full_disclosure_n, full_disclosure_count, full_disclosure_scope, full_disclosure_unknown, confidence_improved_n, confidence_improved_count, confidence_improved_scope, confidence_improved_unknown, would_seek_advice_earlier_n, would_seek_advice_earlier_count, would_seek_advice_earlier_scope, would_seek_advice_earlier_unknown, could_handle_similar_n, could_handle_similar_count, could_handle_similar_scope, could_handle_similar_unknown, outcome_sustained_n, outcome_sustained_count, outcome_sustained_scope, outcome_sustained_unknown, new_problem_at_follow_up_n, new_problem_at_follow_up_count, new_problem_at_follow_up_scope, new_problem_at_follow_up_unknown, understood_sum, understood_sumsq, understood_n, trust_sum, trust_sumsq, trust_n, confidence_change_sum, confidence_change_sumsq, confidence_change_n, did_not_repeat_story_sum, did_not_repeat_story_sumsq, did_not_repeat_story_n, told_story_0, told_story_1, told_story_2, told_story_3, told_story_unknown, problems_handled_in_house, problems_referred_warm, problems_signposted, problems_client_declined, problems_result_positive, problems_result_partly_positive, problems_result_negative, problems_result_withdrawn, problems_result_lost_contact, problems_result_unknown, problems_time_before, problems_time_before_sumsq, problems_time_before_cases, problems_time_before_case_sumsq, problems_time_before_case_cross, problems_time_before_case_countsq, rqi_sumsq, problems_handled_in_house_case_sumsq, problems_handled_in_house_case_cross, problems_referred_warm_case_sumsq, problems_referred_warm_case_cross, problems_signposted_case_sumsq, problems_signposted_case_cross, problems_client_declined_case_sumsq, problems_client_declined_case_cross, problems_result_known_cases, problems_result_known_countsq, problems_result_positive_case_sumsq, problems_result_positive_case_cross, problems_result_partly_positive_case_sumsq, problems_result_partly_positive_case_cross, problems_result_negative_case_sumsq, problems_result_negative_case_cross, problems_result_withdrawn_case_sumsq, problems_result_withdrawn_case_cross, problems_result_lost_contact_case_sumsq, problems_result_lost_contact_case_cross)
  SELECT f.organisation_id, d.dim, d.dim_value, f.closed_on,
         sum(f.n_closed)::bigint AS n_closed,
         sum(f.positive_outcome_n)::bigint AS positive_outcome_n,
         sum(f.positive_outcome_count)::bigint AS positive_outcome_count,
         sum(f.positive_outcome_scope)::bigint AS positive_outcome_scope,
         sum(f.positive_outcome_unknown)::bigint AS positive_outcome_unknown,
         sum(f.accepted_n)::bigint AS accepted_n,
         sum(f.accepted_count)::bigint AS accepted_count,
         sum(f.accepted_scope)::bigint AS accepted_scope,
         sum(f.accepted_unknown)::bigint AS accepted_unknown,
         sum(f.avoided_appeal_n)::bigint AS avoided_appeal_n,
         sum(f.avoided_appeal_count)::bigint AS avoided_appeal_count,
         sum(f.avoided_appeal_scope)::bigint AS avoided_appeal_scope,
         sum(f.avoided_appeal_unknown)::bigint AS avoided_appeal_unknown,
         sum(f.problem_uncovered_n)::bigint AS problem_uncovered_n,
         sum(f.problem_uncovered_count)::bigint AS problem_uncovered_count,
         sum(f.problem_uncovered_scope)::bigint AS problem_uncovered_scope,
         sum(f.problem_uncovered_unknown)::bigint AS problem_uncovered_unknown,
         sum(f.bounce_back_n)::bigint AS bounce_back_n,
         sum(f.bounce_back_count)::bigint AS bounce_back_count,
         sum(f.bounce_back_scope)::bigint AS bounce_back_scope,
         sum(f.bounce_back_unknown)::bigint AS bounce_back_unknown,
         sum(f.avoided_appeal_overall_n)::bigint AS avoided_appeal_overall_n,
         sum(f.avoided_appeal_overall_count)::bigint AS avoided_appeal_overall_count,
         sum(f.avoided_appeal_overall_scope)::bigint AS avoided_appeal_overall_scope,
         sum(f.avoided_appeal_overall_unknown)::bigint AS avoided_appeal_overall_unknown,
         sum(f.bounce_out_n)::bigint AS bounce_out_n,
         sum(f.bounce_out_count)::bigint AS bounce_out_count,
         sum(f.bounce_out_scope)::bigint AS bounce_out_scope,
         sum(f.bounce_out_unknown)::bigint AS bounce_out_unknown,
         sum(f.referral_completion_n)::bigint AS referral_completion_n,
         sum(f.referral_completion_count)::bigint AS referral_completion_count,
         sum(f.referral_completion_scope)::bigint AS referral_completion_scope,
         sum(f.referral_completion_unknown)::bigint AS referral_completion_unknown,
         sum(f.relationship_minutes)::bigint AS relationship_minutes,
         sum(f.relationship_share_sum)::numeric AS relationship_share_sum,
         sum(f.relationship_share_n)::bigint AS relationship_share_n,
         sum(f.continuity_sum)::numeric AS continuity_sum,
         sum(f.continuity_n)::bigint AS continuity_n,
         sum(f.first_contact_n)::bigint AS first_contact_n,
         sum(f.seen_within_2)::bigint AS seen_within_2,
         sum(f.seen_within_10)::bigint AS seen_within_10,
         sum(f.rqi_sum)::numeric AS rqi_sum,
         sum(f.rqi_n)::bigint AS rqi_n,
         sum(f.rqi_items)::bigint AS rqi_items,
         sum(f.problems)::bigint AS problems,
         sum(f.bounce_in_0)::bigint AS bounce_in_0,
         sum(f.bounce_in_1)::bigint AS bounce_in_1,
         sum(f.bounce_in_2)::bigint AS bounce_in_2,
         sum(f.bounce_in_3)::bigint AS bounce_in_3,
         sum(f.bounce_in_unknown)::bigint AS bounce_in_unknown,
         sum(f.full_disclosure_n)::bigint AS full_disclosure_n,
         sum(f.full_disclosure_count)::bigint AS full_disclosure_count,
         sum(f.full_disclosure_scope)::bigint AS full_disclosure_scope,
         sum(f.full_disclosure_unknown)::bigint AS full_disclosure_unknown,
         sum(f.confidence_improved_n)::bigint AS confidence_improved_n,
         sum(f.confidence_improved_count)::bigint AS confidence_improved_count,
         sum(f.confidence_improved_scope)::bigint AS confidence_improved_scope,
         sum(f.confidence_improved_unknown)::bigint AS confidence_improved_unknown,
         sum(f.would_seek_advice_earlier_n)::bigint AS would_seek_advice_earlier_n,
         sum(f.would_seek_advice_earlier_count)::bigint AS would_seek_advice_earlier_count,
         sum(f.would_seek_advice_earlier_scope)::bigint AS would_seek_advice_earlier_scope,
         sum(f.would_seek_advice_earlier_unknown)::bigint AS would_seek_advice_earlier_unknown,
         sum(f.could_handle_similar_n)::bigint AS could_handle_similar_n,
         sum(f.could_handle_similar_count)::bigint AS could_handle_similar_count,
         sum(f.could_handle_similar_scope)::bigint AS could_handle_similar_scope,
         sum(f.could_handle_similar_unknown)::bigint AS could_handle_similar_unknown,
         sum(f.outcome_sustained_n)::bigint AS outcome_sustained_n,
         sum(f.outcome_sustained_count)::bigint AS outcome_sustained_count,
         sum(f.outcome_sustained_scope)::bigint AS outcome_sustained_scope,
         sum(f.outcome_sustained_unknown)::bigint AS outcome_sustained_unknown,
         sum(f.new_problem_at_follow_up_n)::bigint AS new_problem_at_follow_up_n,
         sum(f.new_problem_at_follow_up_count)::bigint AS new_problem_at_follow_up_count,
         sum(f.new_problem_at_follow_up_scope)::bigint AS new_problem_at_follow_up_scope,
         sum(f.new_problem_at_follow_up_unknown)::bigint AS new_problem_at_follow_up_unknown,
         sum(f.understood_sum)::bigint AS understood_sum,
         sum(f.understood_sumsq)::bigint AS understood_sumsq,
         sum(f.understood_n)::bigint AS understood_n,
         sum(f.trust_sum)::bigint AS trust_sum,
         sum(f.trust_sumsq)::bigint AS trust_sumsq,
         sum(f.trust_n)::bigint AS trust_n,
         sum(f.confidence_change_sum)::bigint AS confidence_change_sum,
         sum(f.confidence_change_sumsq)::bigint AS confidence_change_sumsq,
         sum(f.confidence_change_n)::bigint AS confidence_change_n,
         sum(f.did_not_repeat_story_sum)::numeric AS did_not_repeat_story_sum,
         sum(f.did_not_repeat_story_sumsq)::numeric AS did_not_repeat_story_sumsq,
         sum(f.did_not_repeat_story_n)::bigint AS did_not_repeat_story_n,
         sum(f.told_story_0)::bigint AS told_story_0,
         sum(f.told_story_1)::bigint AS told_story_1,
         sum(f.told_story_2)::bigint AS told_story_2,
         sum(f.told_story_3)::bigint AS told_story_3,
         sum(f.told_story_unknown)::bigint AS told_story_unknown,
         sum(f.problems_handled_in_house)::bigint AS problems_handled_in_house,
         sum(f.problems_referred_warm)::bigint AS problems_referred_warm,
         sum(f.problems_signposted)::bigint AS problems_signposted,
         sum(f.problems_client_declined)::bigint AS problems_client_declined,
         sum(f.problems_result_positive)::bigint AS problems_result_positive,
         sum(f.problems_result_partly_positive)::bigint AS problems_result_partly_positive,
         sum(f.problems_result_negative)::bigint AS problems_result_negative,
         sum(f.problems_result_withdrawn)::bigint AS problems_result_withdrawn,
         sum(f.problems_result_lost_contact)::bigint AS problems_result_lost_contact,
         sum(f.problems_result_unknown)::bigint AS problems_result_unknown,
         sum(f.problems_time_before)::bigint AS problems_time_before,
         sum(f.problems_time_before_sumsq)::bigint AS problems_time_before_sumsq,
         sum(f.problems_time_before_cases)::bigint AS problems_time_before_cases,
         sum(f.problems_time_before_case_sumsq)::bigint AS problems_time_before_case_sumsq,
         sum(f.problems_time_before_case_cross)::bigint AS problems_time_before_case_cross,
         sum(f.problems_time_before_case_countsq)::bigint AS problems_time_before_case_countsq,
         sum(f.rqi_sumsq)::numeric AS rqi_sumsq,
         sum(f.problems_handled_in_house_case_sumsq)::bigint AS problems_handled_in_house_case_sumsq,
         sum(f.problems_handled_in_house_case_cross)::bigint AS problems_handled_in_house_case_cross,
         sum(f.problems_referred_warm_case_sumsq)::bigint AS problems_referred_warm_case_sumsq,
         sum(f.problems_referred_warm_case_cross)::bigint AS problems_referred_warm_case_cross,
         sum(f.problems_signposted_case_sumsq)::bigint AS problems_signposted_case_sumsq,
         sum(f.problems_signposted_case_cross)::bigint AS problems_signposted_case_cross,
         sum(f.problems_client_declined_case_sumsq)::bigint AS problems_client_declined_case_sumsq,
         sum(f.problems_client_declined_case_cross)::bigint AS problems_client_declined_case_cross,
         sum(f.problems_result_known_cases)::bigint AS problems_result_known_cases,
         sum(f.problems_result_known_countsq)::bigint AS problems_result_known_countsq,
         sum(f.problems_result_positive_case_sumsq)::bigint AS problems_result_positive_case_sumsq,
         sum(f.problems_result_positive_case_cross)::bigint AS problems_result_positive_case_cross,
         sum(f.problems_result_partly_positive_case_sumsq)::bigint AS problems_result_partly_positive_case_sumsq,
         sum(f.problems_result_partly_positive_case_cross)::bigint AS problems_result_partly_positive_case_cross,
         sum(f.problems_result_negative_case_sumsq)::bigint AS problems_result_negative_case_sumsq,
         sum(f.problems_result_negative_case_cross)::bigint AS problems_result_negative_case_cross,
         sum(f.problems_result_withdrawn_case_sumsq)::bigint AS problems_result_withdrawn_case_sumsq,
         sum(f.problems_result_withdrawn_case_cross)::bigint AS problems_result_withdrawn_case_cross,
         sum(f.problems_result_lost_contact_case_sumsq)::bigint AS problems_result_lost_contact_case_sumsq,
         sum(f.problems_result_lost_contact_case_cross)::bigint AS problems_result_lost_contact_case_cross
    FROM (SELECT f.organisation_id, f.closed_on, f.category, f.office_id, f.lead_adviser_id,
           f.funding_stream, f.arrival_route, f.vulnerabilities,
           coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS n_closed,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_n,
         coalesce(sum(f.s * (CASE WHEN f.result IN ('positive', 'partly_positive', 'negative') THEN CASE WHEN f.result IN ('positive', 'partly_positive') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS positive_outcome_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS positive_outcome_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS positive_outcome_unknown,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_n,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NOT NULL THEN CASE WHEN f.accepted THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS accepted_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS accepted_scope,
         coalesce(sum(f.s * (CASE WHEN f.accepted IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS accepted_unknown,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_n,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_count,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_scope,
         coalesce(sum(f.s * (CASE WHEN f.result = 'negative' AND NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_unknown,
         coalesce(sum(f.s * (CASE WHEN true THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_n,
         coalesce(sum(f.s * (CASE WHEN true THEN CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS problem_uncovered_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS problem_uncovered_scope,
         coalesce(sum(f.s * (CASE WHEN false THEN 1 ELSE 0 END)), 0)::bigint AS problem_uncovered_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.same_problem_recontact_6m THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_back_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_back_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS bounce_back_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_n,
         coalesce(sum(f.s * (CASE WHEN (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS avoided_appeal_overall_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END)), 0)::bigint AS avoided_appeal_overall_unknown,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_n,
         coalesce(sum(f.s * (CASE WHEN (f.result IS NOT NULL OR f.case_referrals_out > 0) THEN CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS bounce_out_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS bounce_out_scope,
         coalesce(sum(f.s * (CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_out_unknown,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_known ELSE 0 END)), 0)::bigint AS referral_completion_n,
         coalesce(sum(f.s * (CASE WHEN f.referrals_out_known > 0 THEN f.referrals_out_reached ELSE 0 END)), 0)::bigint AS referral_completion_count,
         coalesce(sum(f.s * (f.referrals_out)), 0)::bigint AS referral_completion_scope,
         coalesce(sum(f.s * ((f.referrals_out - f.referrals_out_known))), 0)::bigint AS referral_completion_unknown,
         coalesce(sum(f.s * (f.relationship_minutes)), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN f.relationship_minutes::numeric / nullif(f.total_minutes, 0) ELSE 0 END)), 0)::numeric AS relationship_share_sum,
         coalesce(sum(f.s * (CASE WHEN f.total_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS relationship_share_n,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0) ELSE 0 END)), 0)::numeric AS continuity_sum,
         coalesce(sum(f.s * (CASE WHEN f.relationship_minutes > 0 THEN 1 ELSE 0 END)), 0)::bigint AS continuity_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS first_contact_n,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 2 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_2,
         coalesce(sum(f.s * (CASE WHEN f.first_relationship_on IS NOT NULL AND ((greatest(f.first_relationship_on - f.first_contact_on, 0) / 7) * 5 + (((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1) + greatest(f.first_relationship_on - f.first_contact_on, 0) % 7) + 1) % 7, 5)) - (((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) / 7) * 5 + least((((extract(isodow FROM f.first_contact_on)::int - 1)) + 1) % 7, 5))) <= 10 THEN 1 ELSE 0 END)), 0)::bigint AS seen_within_10,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN (f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100 ELSE 0 END)), 0)::numeric AS rqi_sum,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS rqi_n,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN f.feedback_items_n ELSE 0 END)), 0)::bigint AS rqi_items,
         coalesce(sum(f.s * (f.problems_count)), 0)::bigint AS problems,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_0,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_1,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_2,
         coalesce(sum(f.s * (CASE WHEN f.prior_organisations_contacted IS NOT NULL AND least(f.prior_organisations_contacted, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS bounce_in_unknown,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_n,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NOT NULL THEN CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS full_disclosure_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS full_disclosure_scope,
         coalesce(sum(f.s * (CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS full_disclosure_unknown,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS confidence_improved_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS confidence_improved_scope,
         coalesce(sum(f.s * (CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS confidence_improved_unknown,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_n,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NOT NULL THEN CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS would_seek_advice_earlier_scope,
         coalesce(sum(f.s * (CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS would_seek_advice_earlier_unknown,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_n,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NOT NULL THEN CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS could_handle_similar_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS could_handle_similar_scope,
         coalesce(sum(f.s * (CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS could_handle_similar_unknown,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_n,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NOT NULL THEN CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS outcome_sustained_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS outcome_sustained_scope,
         coalesce(sum(f.s * (CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END)), 0)::bigint AS outcome_sustained_unknown,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_n,
         coalesce(sum(f.s * (CASE WHEN f.followed_up THEN CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_count,
         coalesce(sum(f.s * (1)), 0)::bigint AS new_problem_at_follow_up_scope,
         coalesce(sum(f.s * (CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END)), 0)::bigint AS new_problem_at_follow_up_unknown,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN f.understood ELSE 0 END)), 0)::bigint AS understood_sum,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN (f.understood) * (f.understood) ELSE 0 END)), 0)::bigint AS understood_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.understood IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS understood_n,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN f.trust ELSE 0 END)), 0)::bigint AS trust_sum,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN (f.trust) * (f.trust) ELSE 0 END)), 0)::bigint AS trust_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.trust IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS trust_n,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN (f.confidence_after - f.confidence_before) ELSE 0 END)), 0)::bigint AS confidence_change_sum,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN ((f.confidence_after - f.confidence_before)) * ((f.confidence_after - f.confidence_before)) ELSE 0 END)), 0)::bigint AS confidence_change_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL THEN 1 ELSE 0 END)), 0)::bigint AS confidence_change_n,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN (f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sum,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) * ((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0))) ELSE 0 END)), 0)::numeric AS did_not_repeat_story_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.retelling_item_n > 0 THEN 1 ELSE 0 END)), 0)::bigint AS did_not_repeat_story_n,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 0 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_0,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 1 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_1,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 2 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_2,
         coalesce(sum(f.s * (CASE WHEN f.times_told_story_before IS NOT NULL AND least(f.times_told_story_before, 3) = 3 THEN 1 ELSE 0 END)), 0)::bigint AS told_story_3,
         coalesce(sum(f.s * (CASE WHEN NOT (f.times_told_story_before IS NOT NULL) THEN 1 ELSE 0 END)), 0)::bigint AS told_story_unknown,
         coalesce(sum(f.s * (f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house,
         coalesce(sum(f.s * (f.problems_referred_warm)), 0)::bigint AS problems_referred_warm,
         coalesce(sum(f.s * (f.problems_signposted)), 0)::bigint AS problems_signposted,
         coalesce(sum(f.s * (f.problems_client_declined)), 0)::bigint AS problems_client_declined,
         coalesce(sum(f.s * (f.problems_positive)), 0)::bigint AS problems_result_positive,
         coalesce(sum(f.s * (f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive,
         coalesce(sum(f.s * (f.problems_negative)), 0)::bigint AS problems_result_negative,
         coalesce(sum(f.s * (f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn,
         coalesce(sum(f.s * (f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact,
         coalesce(sum(f.s * ((f.problems_count - f.problems_positive - f.problems_partly_positive - f.problems_negative - f.problems_withdrawn - f.problems_lost_contact))), 0)::bigint AS problems_result_unknown,
         coalesce(sum(f.s * (f.problems_relationship_minutes)), 0)::bigint AS problems_time_before,
         coalesce(sum(f.s * (f.problems_relationship_minutes_sq)), 0)::bigint AS problems_time_before_sumsq,
         coalesce(sum(f.s * (CASE WHEN f.problems_count > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_time_before_cases,
         coalesce(sum(f.s * (f.problems_relationship_minutes::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_relationship_minutes)), 0)::bigint AS problems_time_before_case_cross,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_count)), 0)::bigint AS problems_time_before_case_countsq,
         coalesce(sum(f.s * (CASE WHEN f.feedback_items_n > 0 THEN ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) * ((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100) ELSE 0 END)), 0)::numeric AS rqi_sumsq,
         coalesce(sum(f.s * (f.problems_handled_in_house::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_handled_in_house)), 0)::bigint AS problems_handled_in_house_case_cross,
         coalesce(sum(f.s * (f.problems_referred_warm::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_referred_warm)), 0)::bigint AS problems_referred_warm_case_cross,
         coalesce(sum(f.s * (f.problems_signposted::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_signposted)), 0)::bigint AS problems_signposted_case_cross,
         coalesce(sum(f.s * (f.problems_client_declined::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_sumsq,
         coalesce(sum(f.s * (f.problems_count::bigint * f.problems_client_declined)), 0)::bigint AS problems_client_declined_case_cross,
         coalesce(sum(f.s * (CASE WHEN (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact) > 0 THEN 1 ELSE 0 END)), 0)::bigint AS problems_result_known_cases,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * (f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact))), 0)::bigint AS problems_result_known_countsq,
         coalesce(sum(f.s * (f.problems_positive::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_positive)), 0)::bigint AS problems_result_positive_case_cross,
         coalesce(sum(f.s * (f.problems_partly_positive::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_partly_positive)), 0)::bigint AS problems_result_partly_positive_case_cross,
         coalesce(sum(f.s * (f.problems_negative::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_negative)), 0)::bigint AS problems_result_negative_case_cross,
         coalesce(sum(f.s * (f.problems_withdrawn::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_withdrawn)), 0)::bigint AS problems_result_withdrawn_case_cross,
         coalesce(sum(f.s * (f.problems_lost_contact::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_sumsq,
         coalesce(sum(f.s * ((f.problems_positive + f.problems_partly_positive + f.problems_negative + f.problems_withdrawn + f.problems_lost_contact)::bigint * f.problems_lost_contact)), 0)::bigint AS problems_result_lost_contact_case_cross
      FROM (SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org) f
     WHERE f.closed_on IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   WHERE f.closed_on IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4;
  INSERT INTO case_value_rollups AS r (organisation_id, dim, dim_value, measure, closed_month, value, n)
  SELECT f.organisation_id, d.dim, d.dim_value, m.measure, date_trunc('month', f.closed_on)::date, m.value, sum(f.s)::integer
    FROM (SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   CROSS JOIN LATERAL (VALUES ('relationship_time', (f.relationship_minutes)::integer, true),
           ('first_contact_latency', ((f.first_relationship_on - f.first_contact_on))::integer, f.first_relationship_on IS NOT NULL)) AS m(measure, value, applies)
   WHERE f.closed_on IS NOT NULL AND m.applies
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6;
END $function$
CREATE OR REPLACE FUNCTION public.rebuild_case_pattern_rollups(org uuid)
 RETURNS void
 LANGUAGE sql
 SET work_mem TO '128MB'
AS $function$
        DELETE FROM case_pattern_rollups WHERE organisation_id = org;
        INSERT INTO case_pattern_rollups (organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
        
  SELECT organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes,
         coalesce(sum(s) FILTER (WHERE true), 0)::integer AS n_closed,
         coalesce(sum(s) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative')), 0)::integer AS n_with_result,
         coalesce(sum(s) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive'))), 0)::integer AS n_positive,
         coalesce(sum(s) FILTER (WHERE accepted IS NOT NULL), 0)::integer AS n_accept_asked,
         coalesce(sum(s) FILTER (WHERE (accepted IS NOT NULL) AND (accepted)), 0)::integer AS n_accepted,
         coalesce(sum(s) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_appeal_known,
         coalesce(sum(s) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))), 0)::integer AS n_negative_avoided,
         coalesce(sum(s) FILTER (WHERE problems_count > 0), 0)::integer AS n_uncovered,
         coalesce(sum(s) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m)), 0)::integer AS n_bounce_back,
         coalesce(sum(s) FILTER (WHERE followed_up), 0)::integer AS n_followed_up
  FROM (
  SELECT f.organisation_id, d.dim, d.dim_value, f.evidence_consent, f.category, f.funding_stream,
         f.vulnerability_count, greatest(f.relationship_minutes, 15) AS minutes, 1 AS s,
         f.result, f.accepted, f.appeal, f.problems_count, f.same_problem_recontact_6m, f.appeal_not_pursued_reason, f.followed_up
  FROM case_facts f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('office', coalesce(f.office_id::text, '')), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL AND f.organisation_id = org) c
  GROUP BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes
        -- In key order, so each dimension value's rows lie together on disk (the model reads one value's rows).
        ORDER BY organisation_id, dim, dim_value, evidence_consent, category, funding_stream, vulnerability_count, minutes;
      $function$
CREATE OR REPLACE FUNCTION public.rebuild_case_pricing_rollups(org uuid)
 RETURNS void
 LANGUAGE plpgsql
 SET work_mem TO '128MB'
AS $function$
BEGIN
  DELETE FROM case_pricing_rollups WHERE organisation_id = org;
  INSERT INTO case_pricing_rollups AS r (organisation_id, dim, dim_value, closed_month, evidence_consent, category, band, cases, total_minutes, relationship_minutes, avoided_appeal, bounce_back_avoided, pack_negative, pack_positiveoutcome_n, pack_positiveoutcome_count, pack_accepted_n, pack_accepted_count, pack_avoidedappeal_n, pack_avoidedappeal_count, pack_problemuncovered_n, pack_problemuncovered_count, pack_bounceback_n, pack_bounceback_count, pack_bounceout_n, pack_bounceout_count, pack_bounceout_unknown, pack_referralcompletion_n, pack_referralcompletion_count, pack_referralcompletion_unknown, pack_confidenceimproved_n, pack_confidenceimproved_count, pack_confidenceimproved_unknown, pack_wouldseekadviceearlier_n, pack_wouldseekadviceearlier_count, pack_wouldseekadviceearlier_unknown, pack_couldhandlesimilar_n, pack_couldhandlesimilar_count, pack_couldhandlesimilar_unknown, pack_fulldisclosure_n, pack_fulldisclosure_count, pack_fulldisclosure_unknown, pack_outcomesustained_n, pack_outcomesustained_count, pack_outcomesustained_unknown, pack_newproblematfollowup_n, pack_newproblematfollowup_count, pack_newproblematfollowup_unknown, pack_rqi_n, pack_rqi_sum, pack_continuity_n, pack_continuity_sum, pack_bouncein_n, pack_bouncein_sum, pack_confidencechange_n, pack_confidencechange_sum, pack_understood_n, pack_understood_sum, pack_trust_n, pack_trust_sum, pack_didnotrepeatstory_n, pack_didnotrepeatstory_sum, benefit_eviction_avoided_cases, benefit_eviction_avoided_gbp, benefit_eviction_avoided_without, benefit_home_kept_cases, benefit_home_kept_gbp, benefit_home_kept_without, benefit_benefit_awarded_cases, benefit_benefit_awarded_gbp, benefit_benefit_awarded_without, benefit_benefit_reinstated_cases, benefit_benefit_reinstated_gbp, benefit_benefit_reinstated_without, benefit_debt_written_off_cases, benefit_debt_written_off_gbp, benefit_debt_written_off_without, benefit_debt_made_manageable_cases, benefit_debt_made_manageable_gbp, benefit_debt_made_manageable_without, benefit_employment_kept_cases, benefit_employment_kept_gbp, benefit_employment_kept_without, benefit_immigration_status_secured_cases, benefit_immigration_status_secured_gbp, benefit_immigration_status_secured_without, benefit_care_package_secured_cases, benefit_care_package_secured_gbp, benefit_care_package_secured_without, benefit_other_cases, benefit_other_gbp, benefit_other_without)
  SELECT f.organisation_id, d.dim, d.dim_value, date_trunc('month', f.closed_on)::date, f.evidence_consent, f.category,
         f.band,
         coalesce(sum(f.s * f.p_cases), 0)::bigint AS cases,
         coalesce(sum(f.s * f.p_total_minutes), 0)::bigint AS total_minutes,
         coalesce(sum(f.s * f.p_relationship_minutes), 0)::bigint AS relationship_minutes,
         coalesce(sum(f.s * f.p_avoided_appeal), 0)::bigint AS avoided_appeal,
         coalesce(sum(f.s * f.p_bounce_back_avoided), 0)::bigint AS bounce_back_avoided,
         coalesce(sum(f.s * f.p_pack_negative), 0)::bigint AS pack_negative,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_n), 0)::bigint AS pack_positiveoutcome_n,
         coalesce(sum(f.s * f.p_pack_positiveoutcome_count), 0)::bigint AS pack_positiveoutcome_count,
         coalesce(sum(f.s * f.p_pack_accepted_n), 0)::bigint AS pack_accepted_n,
         coalesce(sum(f.s * f.p_pack_accepted_count), 0)::bigint AS pack_accepted_count,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_n), 0)::bigint AS pack_avoidedappeal_n,
         coalesce(sum(f.s * f.p_pack_avoidedappeal_count), 0)::bigint AS pack_avoidedappeal_count,
         coalesce(sum(f.s * f.p_pack_problemuncovered_n), 0)::bigint AS pack_problemuncovered_n,
         coalesce(sum(f.s * f.p_pack_problemuncovered_count), 0)::bigint AS pack_problemuncovered_count,
         coalesce(sum(f.s * f.p_pack_bounceback_n), 0)::bigint AS pack_bounceback_n,
         coalesce(sum(f.s * f.p_pack_bounceback_count), 0)::bigint AS pack_bounceback_count,
         coalesce(sum(f.s * f.p_pack_bounceout_n), 0)::bigint AS pack_bounceout_n,
         coalesce(sum(f.s * f.p_pack_bounceout_count), 0)::bigint AS pack_bounceout_count,
         coalesce(sum(f.s * f.p_pack_bounceout_unknown), 0)::bigint AS pack_bounceout_unknown,
         coalesce(sum(f.s * f.p_pack_referralcompletion_n), 0)::bigint AS pack_referralcompletion_n,
         coalesce(sum(f.s * f.p_pack_referralcompletion_count), 0)::bigint AS pack_referralcompletion_count,
         coalesce(sum(f.s * f.p_pack_referralcompletion_unknown), 0)::bigint AS pack_referralcompletion_unknown,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_n), 0)::bigint AS pack_confidenceimproved_n,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_count), 0)::bigint AS pack_confidenceimproved_count,
         coalesce(sum(f.s * f.p_pack_confidenceimproved_unknown), 0)::bigint AS pack_confidenceimproved_unknown,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_n), 0)::bigint AS pack_wouldseekadviceearlier_n,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_count), 0)::bigint AS pack_wouldseekadviceearlier_count,
         coalesce(sum(f.s * f.p_pack_wouldseekadviceearlier_unknown), 0)::bigint AS pack_wouldseekadviceearlier_unknown,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_n), 0)::bigint AS pack_couldhandlesimilar_n,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_count), 0)::bigint AS pack_couldhandlesimilar_count,
         coalesce(sum(f.s * f.p_pack_couldhandlesimilar_unknown), 0)::bigint AS pack_couldhandlesimilar_unknown,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_n), 0)::bigint AS pack_fulldisclosure_n,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_count), 0)::bigint AS pack_fulldisclosure_count,
         coalesce(sum(f.s * f.p_pack_fulldisclosure_unknown), 0)::bigint AS pack_fulldisclosure_unknown,
         coalesce(sum(f.s * f.p_pack_outcomesustained_n), 0)::bigint AS pack_outcomesustained_n,
         coalesce(sum(f.s * f.p_pack_outcomesustained_count), 0)::bigint AS pack_outcomesustained_count,
         coalesce(sum(f.s * f.p_pack_outcomesustained_unknown), 0)::bigint AS pack_outcomesustained_unknown,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_n), 0)::bigint AS pack_newproblematfollowup_n,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_count), 0)::bigint AS pack_newproblematfollowup_count,
         coalesce(sum(f.s * f.p_pack_newproblematfollowup_unknown), 0)::bigint AS pack_newproblematfollowup_unknown,
         coalesce(sum(f.s * f.p_pack_rqi_n), 0)::bigint AS pack_rqi_n,
         coalesce(sum(f.s * f.p_pack_rqi_sum), 0)::numeric AS pack_rqi_sum,
         coalesce(sum(f.s * f.p_pack_continuity_n), 0)::bigint AS pack_continuity_n,
         coalesce(sum(f.s * f.p_pack_continuity_sum), 0)::numeric AS pack_continuity_sum,
         coalesce(sum(f.s * f.p_pack_bouncein_n), 0)::bigint AS pack_bouncein_n,
         coalesce(sum(f.s * f.p_pack_bouncein_sum), 0)::numeric AS pack_bouncein_sum,
         coalesce(sum(f.s * f.p_pack_confidencechange_n), 0)::bigint AS pack_confidencechange_n,
         coalesce(sum(f.s * f.p_pack_confidencechange_sum), 0)::numeric AS pack_confidencechange_sum,
         coalesce(sum(f.s * f.p_pack_understood_n), 0)::bigint AS pack_understood_n,
         coalesce(sum(f.s * f.p_pack_understood_sum), 0)::numeric AS pack_understood_sum,
         coalesce(sum(f.s * f.p_pack_trust_n), 0)::bigint AS pack_trust_n,
         coalesce(sum(f.s * f.p_pack_trust_sum), 0)::numeric AS pack_trust_sum,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_n), 0)::bigint AS pack_didnotrepeatstory_n,
         coalesce(sum(f.s * f.p_pack_didnotrepeatstory_sum), 0)::numeric AS pack_didnotrepeatstory_sum,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_cases), 0)::bigint AS benefit_eviction_avoided_cases,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_gbp), 0)::numeric AS benefit_eviction_avoided_gbp,
         coalesce(sum(f.s * f.p_benefit_eviction_avoided_without), 0)::bigint AS benefit_eviction_avoided_without,
         coalesce(sum(f.s * f.p_benefit_home_kept_cases), 0)::bigint AS benefit_home_kept_cases,
         coalesce(sum(f.s * f.p_benefit_home_kept_gbp), 0)::numeric AS benefit_home_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_home_kept_without), 0)::bigint AS benefit_home_kept_without,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_cases), 0)::bigint AS benefit_benefit_awarded_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_gbp), 0)::numeric AS benefit_benefit_awarded_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_awarded_without), 0)::bigint AS benefit_benefit_awarded_without,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_cases), 0)::bigint AS benefit_benefit_reinstated_cases,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_gbp), 0)::numeric AS benefit_benefit_reinstated_gbp,
         coalesce(sum(f.s * f.p_benefit_benefit_reinstated_without), 0)::bigint AS benefit_benefit_reinstated_without,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_cases), 0)::bigint AS benefit_debt_written_off_cases,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_gbp), 0)::numeric AS benefit_debt_written_off_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_written_off_without), 0)::bigint AS benefit_debt_written_off_without,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_cases), 0)::bigint AS benefit_debt_made_manageable_cases,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_gbp), 0)::numeric AS benefit_debt_made_manageable_gbp,
         coalesce(sum(f.s * f.p_benefit_debt_made_manageable_without), 0)::bigint AS benefit_debt_made_manageable_without,
         coalesce(sum(f.s * f.p_benefit_employment_kept_cases), 0)::bigint AS benefit_employment_kept_cases,
         coalesce(sum(f.s * f.p_benefit_employment_kept_gbp), 0)::numeric AS benefit_employment_kept_gbp,
         coalesce(sum(f.s * f.p_benefit_employment_kept_without), 0)::bigint AS benefit_employment_kept_without,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_cases), 0)::bigint AS benefit_immigration_status_secured_cases,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_gbp), 0)::numeric AS benefit_immigration_status_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_immigration_status_secured_without), 0)::bigint AS benefit_immigration_status_secured_without,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_cases), 0)::bigint AS benefit_care_package_secured_cases,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_gbp), 0)::numeric AS benefit_care_package_secured_gbp,
         coalesce(sum(f.s * f.p_benefit_care_package_secured_without), 0)::bigint AS benefit_care_package_secured_without,
         coalesce(sum(f.s * f.p_benefit_other_cases), 0)::bigint AS benefit_other_cases,
         coalesce(sum(f.s * f.p_benefit_other_gbp), 0)::numeric AS benefit_other_gbp,
         coalesce(sum(f.s * f.p_benefit_other_without), 0)::bigint AS benefit_other_without
    FROM (SELECT f.s, f.organisation_id, f.closed_on, f.evidence_consent, f.category, f.band,
           f.office_id, f.lead_adviser_id, f.funding_stream, f.arrival_route, f.vulnerabilities,
           1 AS p_cases,
           f.total_minutes AS p_total_minutes,
           f.relationship_minutes AS p_relationship_minutes,
           CASE WHEN (f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome') THEN 1 ELSE 0 END AS p_avoided_appeal,
           CASE WHEN f.followed_up AND NOT f.same_problem_recontact_6m THEN 1 ELSE 0 END AS p_bounce_back_avoided,
           CASE WHEN f.result = 'negative' THEN 1 ELSE 0 END AS p_pack_negative,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_n,
           CASE WHEN (f.result IN ('positive', 'partly_positive', 'negative')) AND (f.result IN ('positive', 'partly_positive')) THEN 1 ELSE 0 END AS p_pack_positiveoutcome_count,
           CASE WHEN (f.accepted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_accepted_n,
           CASE WHEN (f.accepted IS NOT NULL) AND (f.accepted) THEN 1 ELSE 0 END AS p_pack_accepted_count,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_n,
           CASE WHEN (f.result = 'negative' AND (f.appeal IS NOT NULL AND (f.appeal <> 'considered_not_pursued' OR f.accepted IS NOT NULL OR NOT coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((f.appeal = 'considered_not_pursued' AND f.accepted AND coalesce(f.appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')) THEN 1 ELSE 0 END AS p_pack_avoidedappeal_count,
           CASE WHEN (true) THEN 1 ELSE 0 END AS p_pack_problemuncovered_n,
           CASE WHEN (true) AND (f.problems_count > 0) THEN 1 ELSE 0 END AS p_pack_problemuncovered_count,
           CASE WHEN (f.followed_up) THEN 1 ELSE 0 END AS p_pack_bounceback_n,
           CASE WHEN (f.followed_up) AND (f.same_problem_recontact_6m) THEN 1 ELSE 0 END AS p_pack_bounceback_count,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(1, 0) ELSE 0 END AS p_pack_bounceout_n,
           CASE WHEN ((f.result IS NOT NULL OR f.case_referrals_out > 0)) THEN coalesce(CASE WHEN (f.result IN ('withdrawn', 'lost_contact') OR f.case_referrals_out > 0) THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_bounceout_count,
           coalesce(CASE WHEN f.result IS NULL AND NOT f.case_referrals_out > 0 THEN 1 ELSE 0 END, 0) AS p_pack_bounceout_unknown,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_known, 0) ELSE 0 END AS p_pack_referralcompletion_n,
           CASE WHEN (f.referrals_out_known > 0) THEN coalesce(f.referrals_out_reached, 0) ELSE 0 END AS p_pack_referralcompletion_count,
           coalesce((f.referrals_out - f.referrals_out_known), 0) AS p_pack_referralcompletion_unknown,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_confidenceimproved_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(CASE WHEN f.confidence_after > f.confidence_before THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_confidenceimproved_count,
           coalesce(CASE WHEN NOT (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END, 0) AS p_pack_confidenceimproved_unknown,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_n,
           CASE WHEN (f.would_seek_advice_earlier IS NOT NULL) THEN coalesce(CASE WHEN f.would_seek_advice_earlier THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_wouldseekadviceearlier_count,
           coalesce(CASE WHEN f.would_seek_advice_earlier IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_wouldseekadviceearlier_unknown,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_couldhandlesimilar_n,
           CASE WHEN (f.could_handle_similar IS NOT NULL) THEN coalesce(CASE WHEN f.could_handle_similar THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_couldhandlesimilar_count,
           coalesce(CASE WHEN f.could_handle_similar IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_couldhandlesimilar_unknown,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_fulldisclosure_n,
           CASE WHEN (f.disclosure IS NOT NULL) THEN coalesce(CASE WHEN f.disclosure = 'yes' THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_fulldisclosure_count,
           coalesce(CASE WHEN f.disclosure IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_fulldisclosure_unknown,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(1, 0) ELSE 0 END AS p_pack_outcomesustained_n,
           CASE WHEN (f.outcome_sustained IS NOT NULL) THEN coalesce(CASE WHEN f.outcome_sustained THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_outcomesustained_count,
           coalesce(CASE WHEN f.outcome_sustained IS NULL THEN 1 ELSE 0 END, 0) AS p_pack_outcomesustained_unknown,
           CASE WHEN (f.followed_up) THEN coalesce(1, 0) ELSE 0 END AS p_pack_newproblematfollowup_n,
           CASE WHEN (f.followed_up) THEN coalesce(CASE WHEN f.new_problem_at_follow_up THEN 1 ELSE 0 END, 0) ELSE 0 END AS p_pack_newproblematfollowup_count,
           coalesce(CASE WHEN NOT f.followed_up THEN 1 ELSE 0 END, 0) AS p_pack_newproblematfollowup_unknown,
           CASE WHEN (f.feedback_items_n > 0) THEN 1 ELSE 0 END AS p_pack_rqi_n,
           CASE WHEN (f.feedback_items_n > 0) THEN coalesce(((f.feedback_score_sum::numeric / nullif(f.feedback_items_n, 0) - 1) / 4 * 100)::numeric, 0) ELSE 0 END AS p_pack_rqi_sum,
           CASE WHEN (f.relationship_minutes > 0) THEN 1 ELSE 0 END AS p_pack_continuity_n,
           CASE WHEN (f.relationship_minutes > 0) THEN coalesce((f.lead_relationship_minutes::numeric / nullif(f.relationship_minutes, 0))::numeric, 0) ELSE 0 END AS p_pack_continuity_sum,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_bouncein_n,
           CASE WHEN (f.prior_organisations_contacted IS NOT NULL) THEN coalesce((least(f.prior_organisations_contacted, 3))::numeric, 0) ELSE 0 END AS p_pack_bouncein_sum,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_confidencechange_n,
           CASE WHEN (f.confidence_before IS NOT NULL AND f.confidence_after IS NOT NULL) THEN coalesce(((f.confidence_after - f.confidence_before))::numeric, 0) ELSE 0 END AS p_pack_confidencechange_sum,
           CASE WHEN (f.understood IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_understood_n,
           CASE WHEN (f.understood IS NOT NULL) THEN coalesce((f.understood)::numeric, 0) ELSE 0 END AS p_pack_understood_sum,
           CASE WHEN (f.trust IS NOT NULL) THEN 1 ELSE 0 END AS p_pack_trust_n,
           CASE WHEN (f.trust IS NOT NULL) THEN coalesce((f.trust)::numeric, 0) ELSE 0 END AS p_pack_trust_sum,
           CASE WHEN (f.retelling_item_n > 0) THEN 1 ELSE 0 END AS p_pack_didnotrepeatstory_n,
           CASE WHEN (f.retelling_item_n > 0) THEN coalesce(((f.retelling_item_sum::numeric / nullif(f.retelling_item_n, 0)))::numeric, 0) ELSE 0 END AS p_pack_didnotrepeatstory_sum,
           b.*
      FROM (SELECT 1 AS s, c.* FROM case_facts c WHERE c.organisation_id = org) f
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE b.type = 'eviction_avoided') AS p_benefit_eviction_avoided_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'eviction_avoided'), 0) AS p_benefit_eviction_avoided_gbp,
              count(*) FILTER (WHERE b.type = 'eviction_avoided' AND b.amount IS NULL) AS p_benefit_eviction_avoided_without,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])) AS p_benefit_home_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[])), 0) AS p_benefit_home_kept_gbp,
              count(*) FILTER (WHERE b.type = 'home_kept' AND NOT (f.benefit_types @> ARRAY['eviction_avoided']::text[]) AND b.amount IS NULL) AS p_benefit_home_kept_without,
              count(*) FILTER (WHERE b.type = 'benefit_awarded') AS p_benefit_benefit_awarded_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_awarded'), 0) AS p_benefit_benefit_awarded_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_awarded' AND b.amount IS NULL) AS p_benefit_benefit_awarded_without,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated') AS p_benefit_benefit_reinstated_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'benefit_reinstated'), 0) AS p_benefit_benefit_reinstated_gbp,
              count(*) FILTER (WHERE b.type = 'benefit_reinstated' AND b.amount IS NULL) AS p_benefit_benefit_reinstated_without,
              count(*) FILTER (WHERE b.type = 'debt_written_off') AS p_benefit_debt_written_off_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_written_off'), 0) AS p_benefit_debt_written_off_gbp,
              count(*) FILTER (WHERE b.type = 'debt_written_off' AND b.amount IS NULL) AS p_benefit_debt_written_off_without,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable') AS p_benefit_debt_made_manageable_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'debt_made_manageable'), 0) AS p_benefit_debt_made_manageable_gbp,
              count(*) FILTER (WHERE b.type = 'debt_made_manageable' AND b.amount IS NULL) AS p_benefit_debt_made_manageable_without,
              count(*) FILTER (WHERE b.type = 'employment_kept') AS p_benefit_employment_kept_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'employment_kept'), 0) AS p_benefit_employment_kept_gbp,
              count(*) FILTER (WHERE b.type = 'employment_kept' AND b.amount IS NULL) AS p_benefit_employment_kept_without,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured') AS p_benefit_immigration_status_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'immigration_status_secured'), 0) AS p_benefit_immigration_status_secured_gbp,
              count(*) FILTER (WHERE b.type = 'immigration_status_secured' AND b.amount IS NULL) AS p_benefit_immigration_status_secured_without,
              count(*) FILTER (WHERE b.type = 'care_package_secured') AS p_benefit_care_package_secured_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'care_package_secured'), 0) AS p_benefit_care_package_secured_gbp,
              count(*) FILTER (WHERE b.type = 'care_package_secured' AND b.amount IS NULL) AS p_benefit_care_package_secured_without,
              count(*) FILTER (WHERE b.type = 'other') AS p_benefit_other_cases,
              coalesce(sum(b.amount) FILTER (WHERE b.type = 'other'), 0) AS p_benefit_other_gbp,
              count(*) FILTER (WHERE b.type = 'other' AND b.amount IS NULL) AS p_benefit_other_without
         FROM unnest(f.benefit_types, f.benefit_amounts_gbp) AS b(type, amount)) b
     WHERE f.closed_on IS NOT NULL) f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
    UNION ALL SELECT 'vulnerability', 'none' WHERE cardinality(f.vulnerabilities) = 0
  ) AS d(dim, dim_value)
   GROUP BY 1, 2, 3, 4, 5, 6, 7
   ORDER BY 1, 2, 3, 4, 5, 6, 7;
END $function$
CREATE OR REPLACE FUNCTION public.rebuild_case_rollups(org uuid)
 RETURNS void
 LANGUAGE sql
 SET work_mem TO '128MB'
AS $function$
        DELETE FROM case_rollups WHERE organisation_id = org;
        INSERT INTO case_rollups (organisation_id, dim, dim_value, closed_on, band, n_closed, n_with_result, n_positive, n_accept_asked, n_accepted, n_negative_appeal_known, n_negative_avoided, n_uncovered, n_bounce_back, n_followed_up)
        SELECT organisation_id, dim, dim_value, closed_on, band, count(*) FILTER (WHERE true)::integer AS n_closed,
  count(*) FILTER (WHERE result IN ('positive', 'partly_positive', 'negative'))::integer AS n_with_result,
  count(*) FILTER (WHERE (result IN ('positive', 'partly_positive', 'negative')) AND (result IN ('positive', 'partly_positive')))::integer AS n_positive,
  count(*) FILTER (WHERE accepted IS NOT NULL)::integer AS n_accept_asked,
  count(*) FILTER (WHERE (accepted IS NOT NULL) AND (accepted))::integer AS n_accepted,
  count(*) FILTER (WHERE result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_appeal_known,
  count(*) FILTER (WHERE (result = 'negative' AND (appeal IS NOT NULL AND (appeal <> 'considered_not_pursued' OR accepted IS NOT NULL OR NOT coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome'))) AND ((appeal = 'considered_not_pursued' AND accepted AND coalesce(appeal_not_pursued_reason, 'accepted_outcome') = 'accepted_outcome')))::integer AS n_negative_avoided,
  count(*) FILTER (WHERE problems_count > 0)::integer AS n_uncovered,
  count(*) FILTER (WHERE (followed_up) AND (same_problem_recontact_6m))::integer AS n_bounce_back,
  count(*) FILTER (WHERE followed_up)::integer AS n_followed_up
        FROM (
  SELECT organisation_id, d.dim, d.dim_value, closed_on, band, result, accepted, appeal, problems_count, same_problem_recontact_6m, appeal_not_pursued_reason, followed_up
  FROM case_facts f
  CROSS JOIN LATERAL (
    VALUES ('all', ''), ('category', f.category), ('office', coalesce(f.office_id::text, '')),
           ('adviser', f.lead_adviser_id::text), ('fundingStream', f.funding_stream), ('arrival', f.arrival_route)
    UNION ALL SELECT 'vulnerability', v FROM unnest(f.vulnerabilities) v
  ) AS d(dim, dim_value)
  WHERE f.closed_on IS NOT NULL AND f.organisation_id = org) c
        GROUP BY organisation_id, dim, dim_value, closed_on, band;
      $function$
CREATE OR REPLACE FUNCTION public.refresh_case_facts(ids uuid[])
 RETURNS void
 LANGUAGE sql
AS $function$
        INSERT INTO case_facts AS f (
          case_id, organisation_id, office_id, lead_adviser_id, category, funding_stream, arrival_route,
          vulnerabilities, vulnerability_count, evidence_consent, opened_on, first_contact_on, closed_on,
          prior_organisations_contacted, total_minutes, relationship_minutes, lead_relationship_minutes,
          first_relationship_on, feedback_score_sum, feedback_items_n, trust, disclosure, problems_count,
          result, understood, accepted, appeal, appeal_not_pursued_reason, benefit_types, benefit_amounts_gbp, same_problem_recontact_6m, followed_up,
          referrals_out, case_referrals_out, referrals_out_known, referrals_out_reached,
          confidence_before, confidence_after, would_seek_advice_earlier, could_handle_similar, times_told_story_before, outcome_sustained, new_problem_at_follow_up, problems_handled_in_house, problems_referred_warm, problems_signposted, problems_client_declined, problems_positive, problems_partly_positive, problems_negative, problems_withdrawn, problems_lost_contact, problems_relationship_minutes, problems_relationship_minutes_sq, retelling_item_n, retelling_item_sum)
        SELECT c.id, c.organisation_id, c.office_id, c.lead_adviser_id, c.category, c.funding_stream, c.arrival_route,
          cl.vulnerabilities, cardinality(cl.vulnerabilities), cl.evidence_consent, c.opened_on, coalesce(c.first_contact_on, c.opened_on), c.closed_on,
          c.prior_organisations_contacted,
          coalesce(t.total, 0), coalesce(t.rel, 0), coalesce(t.lead_rel, 0), t.first_rel,
          coalesce(fb.score_sum, 0), coalesce(fb.items_n, 0), a.trust, a.disclosure, coalesce(p.n, 0),
          o.result, o.understood, o.accepted, o.appeal, o.appeal_not_pursued_reason, coalesce(b.types, '{}'), coalesce(b.amounts, '{}'),
          coalesce(fu.same_problem, false), coalesce(fu.any, false),
          coalesce(r.out_n, 0) + coalesce(p.referred_n, 0),
          coalesce(r.out_n, 0),
          coalesce(r.out_known, 0) + coalesce(p.referred_known, 0),
          coalesce(r.out_reached, 0) + coalesce(p.referred_reached, 0),
          coalesce(c.confidence_at_intake, o.confidence_before), o.confidence_after,
          o.would_seek_advice_earlier, o.could_handle_similar, c.times_told_story_before,
          fu.sustained, coalesce(fu.new_problem, false),
          coalesce(p.in_house, 0), coalesce(p.warm, 0), coalesce(p.signposted, 0), coalesce(p.declined, 0),
          coalesce(p.positive, 0), coalesce(p.partly_positive, 0), coalesce(p.negative, 0),
          coalesce(p.withdrawn, 0), coalesce(p.lost_contact, 0), coalesce(pm.minutes, 0), coalesce(pm.minutes_sq, 0), coalesce(fb.retelling_n, 0), coalesce(fb.retelling_sum, 0)
        FROM unnest(ids) AS k(id)
        JOIN cases c ON c.id = k.id
        JOIN clients cl ON cl.organisation_id = c.organisation_id AND cl.id = c.client_id
        LEFT JOIN LATERAL (
          SELECT sum(te.minutes) AS total,
                 sum(te.minutes) FILTER (WHERE te.class = 'relationship') AS rel,
                 sum(te.minutes) FILTER (WHERE te.class = 'relationship' AND te.adviser_id = c.lead_adviser_id) AS lead_rel,
                 min(te."on") FILTER (WHERE te.class = 'relationship') AS first_rel
          FROM time_entries te WHERE te.organisation_id = c.organisation_id AND te.case_id = c.id) t ON true
        LEFT JOIN LATERAL (
          SELECT sum(e.value::numeric)::integer AS score_sum, count(*)::integer AS items_n,
                 count(*) FILTER (WHERE e.key = 'did_not_repeat_story')::integer AS retelling_n,
                 sum(e.value::numeric) FILTER (WHERE e.key = 'did_not_repeat_story')::integer AS retelling_sum
          FROM feedback f2, jsonb_each(f2.items) e
          WHERE f2.organisation_id = c.organisation_id AND f2.case_id = c.id) fb ON true
        LEFT JOIN adviser_assessments a ON a.organisation_id = c.organisation_id AND a.case_id = c.id
        LEFT JOIN LATERAL (
          SELECT count(*)::integer AS n,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted'))::integer AS referred_n,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support IS NOT NULL)::integer AS referred_known,
                 count(*) FILTER (WHERE up.action IN ('referred_warm', 'signposted') AND up.reached_support)::integer AS referred_reached,
                 count(*) FILTER (WHERE up.action = 'handled_in_house')::integer AS in_house,
                 count(*) FILTER (WHERE up.action = 'referred_warm')::integer AS warm,
                 count(*) FILTER (WHERE up.action = 'signposted')::integer AS signposted,
                 count(*) FILTER (WHERE up.action = 'client_declined')::integer AS declined,
                 count(*) FILTER (WHERE up.result = 'positive')::integer AS positive,
                 count(*) FILTER (WHERE up.result = 'partly_positive')::integer AS partly_positive,
                 count(*) FILTER (WHERE up.result = 'negative')::integer AS negative,
                 count(*) FILTER (WHERE up.result = 'withdrawn')::integer AS withdrawn,
                 count(*) FILTER (WHERE up.result = 'lost_contact')::integer AS lost_contact
          FROM underlying_problems up WHERE up.organisation_id = c.organisation_id AND up.case_id = c.id) p ON true
        LEFT JOIN LATERAL (
          SELECT sum(pb.m)::integer AS minutes, sum(pb.m * pb.m)::bigint AS minutes_sq
          FROM (SELECT coalesce(sum(te.minutes), 0)::bigint AS m
                FROM underlying_problems up
                LEFT JOIN time_entries te ON te.organisation_id = up.organisation_id AND te.case_id = up.case_id
                                         AND te.class = 'relationship' AND te."on" <= up.uncovered_on
                WHERE up.organisation_id = c.organisation_id AND up.case_id = c.id
                GROUP BY up.id) pb) pm ON true
        LEFT JOIN outcomes o ON o.organisation_id = c.organisation_id AND o.case_id = c.id
        LEFT JOIN LATERAL (
          SELECT array_agg(bt.type ORDER BY bt.type) AS types, array_agg(bt.amount ORDER BY bt.type) AS amounts
          FROM (SELECT ob.type, sum(ob.amount_gbp) AS amount
                FROM outcome_benefits ob WHERE ob.organisation_id = c.organisation_id AND ob.case_id = c.id
                GROUP BY ob.type) bt) b ON true
        LEFT JOIN LATERAL (
          SELECT bool_or(fu.recontact = 'same_problem' AND c.closed_on IS NOT NULL
                         AND fu."on" >= c.closed_on AND fu."on" <= c.closed_on + interval '6 months') AS same_problem,
                 count(*) > 0 AS any,
                 (array_agg(fu.outcome_sustained ORDER BY fu."on" DESC, fu.id DESC)
                    FILTER (WHERE fu.outcome_sustained IS NOT NULL))[1] AS sustained,
                 bool_or(fu.recontact = 'new_problem') AS new_problem
          FROM follow_ups fu WHERE fu.organisation_id = c.organisation_id AND fu.case_id = c.id) fu ON true
        LEFT JOIN LATERAL (
          SELECT count(*)::integer AS out_n,
                 count(*) FILTER (WHERE rf.reached_support IS NOT NULL)::integer AS out_known,
                 count(*) FILTER (WHERE rf.reached_support)::integer AS out_reached
          FROM referrals rf WHERE rf.organisation_id = c.organisation_id AND rf.case_id = c.id AND rf.direction = 'out') r ON true
        ON CONFLICT (case_id) DO UPDATE SET
          office_id = EXCLUDED.office_id, lead_adviser_id = EXCLUDED.lead_adviser_id, category = EXCLUDED.category,
          funding_stream = EXCLUDED.funding_stream, arrival_route = EXCLUDED.arrival_route,
          vulnerabilities = EXCLUDED.vulnerabilities, vulnerability_count = EXCLUDED.vulnerability_count,
          evidence_consent = EXCLUDED.evidence_consent, opened_on = EXCLUDED.opened_on, first_contact_on = EXCLUDED.first_contact_on, closed_on = EXCLUDED.closed_on,
          prior_organisations_contacted = EXCLUDED.prior_organisations_contacted,
          total_minutes = EXCLUDED.total_minutes, relationship_minutes = EXCLUDED.relationship_minutes,
          lead_relationship_minutes = EXCLUDED.lead_relationship_minutes, first_relationship_on = EXCLUDED.first_relationship_on,
          feedback_score_sum = EXCLUDED.feedback_score_sum, feedback_items_n = EXCLUDED.feedback_items_n,
          trust = EXCLUDED.trust, disclosure = EXCLUDED.disclosure, problems_count = EXCLUDED.problems_count,
          result = EXCLUDED.result, understood = EXCLUDED.understood, accepted = EXCLUDED.accepted, appeal = EXCLUDED.appeal, appeal_not_pursued_reason = EXCLUDED.appeal_not_pursued_reason,
          benefit_types = EXCLUDED.benefit_types, benefit_amounts_gbp = EXCLUDED.benefit_amounts_gbp, same_problem_recontact_6m = EXCLUDED.same_problem_recontact_6m,
          followed_up = EXCLUDED.followed_up, referrals_out = EXCLUDED.referrals_out,
          case_referrals_out = EXCLUDED.case_referrals_out,
          referrals_out_known = EXCLUDED.referrals_out_known, referrals_out_reached = EXCLUDED.referrals_out_reached,
          confidence_before = EXCLUDED.confidence_before, confidence_after = EXCLUDED.confidence_after, would_seek_advice_earlier = EXCLUDED.would_seek_advice_earlier, could_handle_similar = EXCLUDED.could_handle_similar, times_told_story_before = EXCLUDED.times_told_story_before, outcome_sustained = EXCLUDED.outcome_sustained, new_problem_at_follow_up = EXCLUDED.new_problem_at_follow_up, problems_handled_in_house = EXCLUDED.problems_handled_in_house, problems_referred_warm = EXCLUDED.problems_referred_warm, problems_signposted = EXCLUDED.problems_signposted, problems_client_declined = EXCLUDED.problems_client_declined, problems_positive = EXCLUDED.problems_positive, problems_partly_positive = EXCLUDED.problems_partly_positive, problems_negative = EXCLUDED.problems_negative, problems_withdrawn = EXCLUDED.problems_withdrawn, problems_lost_contact = EXCLUDED.problems_lost_contact, problems_relationship_minutes = EXCLUDED.problems_relationship_minutes, problems_relationship_minutes_sq = EXCLUDED.problems_relationship_minutes_sq,
          retelling_item_n = EXCLUDED.retelling_item_n, retelling_item_sum = EXCLUDED.retelling_item_sum
      $function$
CREATE OR REPLACE FUNCTION public.search_keys(name text)
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
RETURN ARRAY(SELECT d.key FROM unnest(search_words(search_keys.name)) t(word), LATERAL (SELECT t.word UNION ALL SELECT OVERLAY(t.word PLACING ''::text FROM g.i FOR 1) AS "overlay" FROM generate_series(1, char_length(t.word)) g(i) WHERE (char_length(t.word) > 2)) d(key))
CREATE OR REPLACE FUNCTION public.search_reference(reference text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
RETURN upper(regexp_replace(reference, '\s+'::text, ''::text, 'g'::text))
CREATE OR REPLACE FUNCTION public.search_words(name text)
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
RETURN array_remove(regexp_split_to_array(regexp_replace(lower(name), '[''’‘`´ʼ]'::text, ''::text, 'g'::text), '[ \t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff,.;:/()&_"+-]+'::text), ''::text)
CREATE OR REPLACE FUNCTION public.unit_cost_versions_immutable()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'unit_cost_versions rows are never changed: save a new version instead';
      END $function$

-- Triggers
CREATE TRIGGER adviser_assessments_facts_del AFTER DELETE ON public.adviser_assessments FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER adviser_assessments_facts_ins AFTER INSERT ON public.adviser_assessments FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER adviser_assessments_facts_upd AFTER UPDATE ON public.adviser_assessments FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER audit_log_link BEFORE INSERT ON public.audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_link()
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON public.audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()
CREATE TRIGGER audit_log_no_update BEFORE DELETE OR UPDATE ON public.audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()
CREATE CONSTRAINT TRIGGER audit_pending_move AFTER INSERT ON public.audit_pending DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_move()
CREATE TRIGGER case_facts_fee_row AFTER INSERT OR DELETE OR UPDATE ON public.case_facts FOR EACH ROW EXECUTE FUNCTION case_fee_rollups_apply()
CREATE TRIGGER case_facts_measures_row AFTER INSERT OR DELETE OR UPDATE ON public.case_facts FOR EACH ROW EXECUTE FUNCTION case_measure_rollups_apply()
CREATE TRIGGER case_facts_patterns_del AFTER DELETE ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND (old.closed_on IS NOT NULL))) EXECUTE FUNCTION case_pattern_rollups_apply()
CREATE TRIGGER case_facts_patterns_ins AFTER INSERT ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND (new.closed_on IS NOT NULL))) EXECUTE FUNCTION case_pattern_rollups_apply()
CREATE TRIGGER case_facts_patterns_upd AFTER UPDATE ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND ((old.closed_on IS NOT NULL) OR (new.closed_on IS NOT NULL)) AND (old.* IS DISTINCT FROM new.*))) EXECUTE FUNCTION case_pattern_rollups_apply()
CREATE TRIGGER case_facts_pricing_row AFTER INSERT OR DELETE OR UPDATE ON public.case_facts FOR EACH ROW EXECUTE FUNCTION case_pricing_rollups_apply()
CREATE TRIGGER case_facts_rollup_del AFTER DELETE ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND (old.closed_on IS NOT NULL))) EXECUTE FUNCTION case_rollups_apply()
CREATE TRIGGER case_facts_rollup_ins AFTER INSERT ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND (new.closed_on IS NOT NULL))) EXECUTE FUNCTION case_rollups_apply()
CREATE TRIGGER case_facts_rollup_upd AFTER UPDATE ON public.case_facts FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND ((old.closed_on IS NOT NULL) OR (new.closed_on IS NOT NULL)) AND (old.* IS DISTINCT FROM new.*))) EXECUTE FUNCTION case_rollups_apply()
CREATE TRIGGER cases_facts_ins AFTER INSERT ON public.cases FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_case_row()
CREATE TRIGGER cases_facts_upd AFTER UPDATE ON public.cases FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_case_row()
CREATE TRIGGER clients_facts_upd AFTER UPDATE ON public.clients FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_client_row()
CREATE TRIGGER feedback_facts_del AFTER DELETE ON public.feedback FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER feedback_facts_ins AFTER INSERT ON public.feedback FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER feedback_facts_upd AFTER UPDATE ON public.feedback FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER follow_ups_facts_del AFTER DELETE ON public.follow_ups FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER follow_ups_facts_ins AFTER INSERT ON public.follow_ups FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER follow_ups_facts_upd AFTER UPDATE ON public.follow_ups FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcome_benefits_facts_del AFTER DELETE ON public.outcome_benefits FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcome_benefits_facts_ins AFTER INSERT ON public.outcome_benefits FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcome_benefits_facts_upd AFTER UPDATE ON public.outcome_benefits FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcomes_facts_del AFTER DELETE ON public.outcomes FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcomes_facts_ins AFTER INSERT ON public.outcomes FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER outcomes_facts_upd AFTER UPDATE ON public.outcomes FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER referrals_facts_del AFTER DELETE ON public.referrals FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER referrals_facts_ins AFTER INSERT ON public.referrals FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER referrals_facts_upd AFTER UPDATE ON public.referrals FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER time_entries_facts_del AFTER DELETE ON public.time_entries FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER time_entries_facts_ins AFTER INSERT ON public.time_entries FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_add_time_entry()
CREATE TRIGGER time_entries_facts_upd AFTER UPDATE ON public.time_entries FOR EACH ROW WHEN (((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text) AND (((((old.case_id IS DISTINCT FROM new.case_id) OR (old.adviser_id IS DISTINCT FROM new.adviser_id)) OR (old."on" IS DISTINCT FROM new."on")) OR (old.minutes IS DISTINCT FROM new.minutes)) OR (old.class IS DISTINCT FROM new.class)))) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER underlying_problems_facts_del AFTER DELETE ON public.underlying_problems FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER underlying_problems_facts_ins AFTER INSERT ON public.underlying_problems FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER underlying_problems_facts_upd AFTER UPDATE ON public.underlying_problems FOR EACH ROW WHEN ((current_setting('deepvalue.defer_facts'::text, true) IS DISTINCT FROM 'on'::text)) EXECUTE FUNCTION case_facts_touch_row()
CREATE TRIGGER unit_cost_versions_no_update BEFORE UPDATE ON public.unit_cost_versions FOR EACH ROW EXECUTE FUNCTION unit_cost_versions_immutable()
