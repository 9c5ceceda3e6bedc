//! Every IRI newskg writes: namespaces, classes and properties, in one place.

/// Prefixes used when serialising, in the contract's order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("schema", "https://schema.org/"),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"),
    ("itsrdf", "http://www.w3.org/2005/11/its/rdf#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("time", "http://www.w3.org/2006/time#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("nkg", "https://w3id.org/newskg/ontology#"),
    ("kg", "https://w3id.org/newskg/id/"),
];

/// Where newskg mints the IRIs of articles, people, organisations, places and roles.
pub const ID_BASE: &str = "https://w3id.org/newskg/id/";

macro_rules! terms {
    ($ns:literal { $($name:ident = $local:literal),* $(,)? }) => {
        $(pub const $name: &str = concat!($ns, $local);)*
    };
}

pub mod rdf {
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#" {
        TYPE = "type", STATEMENT = "Statement", SUBJECT = "subject", PREDICATE = "predicate", OBJECT = "object",
    });
}

pub mod owl {
    terms!("http://www.w3.org/2002/07/owl#" { SAME_AS = "sameAs" });
}

pub mod rdfs {
    terms!("http://www.w3.org/2000/01/rdf-schema#" { LABEL = "label" });
}

pub mod xsd {
    terms!("http://www.w3.org/2001/XMLSchema#" {
        STRING = "string", DATE = "date", NON_NEGATIVE_INTEGER = "nonNegativeInteger", INTEGER = "integer", BOOLEAN = "boolean", ANY_URI = "anyURI", DECIMAL = "decimal",
    });
}

pub mod schema {
    pub const NS: &str = "https://schema.org/";
    terms!("https://schema.org/" {
        NEWS_ARTICLE = "NewsArticle", PERSON = "Person", ORGANIZATION = "Organization", PLACE = "Place",
        COUNTRY = "Country", CITY = "City", ADMINISTRATIVE_AREA = "AdministrativeArea",
        IDENTIFIER = "identifier", HEADLINE = "headline", DATE_PUBLISHED = "datePublished", URL = "url",
        NAME = "name", ALTERNATE_NAME = "alternateName", JOB_TITLE = "jobTitle", MENTIONS = "mentions",
        THING = "Thing", QUANTITATIVE_VALUE = "QuantitativeValue", MONETARY_AMOUNT = "MonetaryAmount", VALUE = "value",
        UNIT_TEXT = "unitText", UNIT_CODE = "unitCode", CURRENCY = "currency",
    });
}

/// The schema.org classes narrower than Organization and Place that newskg gives entities (`Entity::schema`).
pub const SCHEMA_SUBCLASSES: &[&str] = &[
    "https://schema.org/Corporation",
    "https://schema.org/Airline",
    "https://schema.org/GovernmentOrganization",
    "https://schema.org/EducationalOrganization",
    "https://schema.org/NewsMediaOrganization",
    "https://schema.org/PoliticalParty",
    "https://schema.org/SportsTeam",
    "https://schema.org/SportsOrganization",
    "https://schema.org/NGO",
    "https://schema.org/MedicalOrganization",
    "https://schema.org/PerformingGroup",
    "https://schema.org/Airport",
    "https://schema.org/CivicStructure",
];

/// The IRI of a schema.org subclass by its local name.
pub fn schema_subclass(local: &str) -> Option<&'static str> {
    SCHEMA_SUBCLASSES.iter().copied().find(|iri| iri.rsplit('/').next() == Some(local))
}

pub mod sem {
    terms!("http://semanticweb.cs.vu.nl/2009/11/sem/" {
        EVENT = "Event", HAS_ACTOR = "hasActor", HAS_PLACE = "hasPlace", HAS_TIME_STAMP = "hasTimeStamp",
    });
}

pub mod org {
    terms!("http://www.w3.org/ns/org#" {
        MEMBERSHIP = "Membership", ROLE_CLASS = "Role", MEMBER = "member", ROLE = "role", ORGANIZATION = "organization",
    });
}

pub mod nif {
    terms!("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#" {
        CONTEXT = "Context", PHRASE = "Phrase", SENTENCE_CLASS = "Sentence", IS_STRING = "isString",
        REFERENCE_CONTEXT = "referenceContext", BEGIN_INDEX = "beginIndex", END_INDEX = "endIndex",
        ANCHOR_OF = "anchorOf", SENTENCE = "sentence",
    });
}

pub mod itsrdf {
    terms!("http://www.w3.org/2005/11/its/rdf#" { TA_IDENT_REF = "taIdentRef" });
}

pub mod prov {
    terms!("http://www.w3.org/ns/prov#" { WAS_DERIVED_FROM = "wasDerivedFrom" });
}

pub mod skos {
    terms!("http://www.w3.org/2004/02/skos/core#" { PREF_LABEL = "prefLabel" });
}

/// The project's own terms, defined in `ontology/newskg.ttl`.
pub mod nkg {
    pub const NS: &str = "https://w3id.org/newskg/ontology#";
    terms!("https://w3id.org/newskg/ontology#" {
        TIME_EXPRESSION = "TimeExpression", STATUS = "status", TRIGGER = "trigger", TIME_MENTION = "timeMention",
        ROLE_TOWARDS = "roleTowards", FORMER = "former", TIMEX_TYPE = "timexType", TIMEX_VALUE = "timexValue",
        TIMEX_MOD = "timexMod", CAMEO_CODE = "cameoCode", RESOLVED_BY = "resolvedBy", EXTRACTOR = "extractor",
        REPORTS = "reports", NAME_KEY = "nameKey", AGENT = "agent", PATIENT = "patient", RECIPIENT = "recipient",
        QUANTITY = "quantity", TO_VALUE = "toValue", FROM_VALUE = "fromValue",
        PROVENANCE_LEVEL = "provenanceLevel", AT_PROVENANCE = "atProvenance",
    });
}
