"""The Doc._ extensions kg defines, and to_extraction(doc) -> DocExtraction (spaCy stops here)."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.model import DocExtraction, Document, EntityType, Mention, Predicate, RelationMention

EXTENSIONS = {
    "kg_document": None,    # the kg Document the Doc was made from
    "kg_words": None,       # list[Word] with document offsets, from kg_tagger
    "kg_home": None,        # index into doc.spans["kg"] of the district the document reports on
    "kg_relations": None,   # list[(subject idx, predicate, object idx, year, sent start, sent end)]
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def to_extraction(doc: Doc) -> DocExtraction:
    """The mentions and relations the pipeline found, as plain kg values."""
    document: Document = doc._.kg_document
    spans = list(doc.spans.get("kg", []))
    mentions = tuple(Mention(text=s.text, type=EntityType(s.label_), start=s.start_char, end=s.end_char)
                     for s in spans)
    rels = []
    text = doc.text
    for si, pred, oi, year, ss, se in doc._.kg_relations or []:
        rels.append(RelationMention(subject=mentions[si], predicate=Predicate(pred), object=mentions[oi], year=year,
                                    evidence=text[ss:se].strip(), sent_start=ss, sent_end=se))
    return DocExtraction(document=document, mentions=mentions, relations=tuple(rels))
