"""The Doc._ extensions kg defines, and to_extraction(doc) -> DocExtraction (spaCy stops here)."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.extract import tables
from kg.model import DocExtraction, Document, EntityType, Mention, Predicate, RelationMention

EXTENSIONS = {
    "kg_document": None,    # the kg Document the Doc was made from
    "kg_words": None,       # list[list[Word]] from kg_tagger: each sentence's words, offsets in the sentence
    "kg_home": None,        # index into doc.spans["kg"] of the district the document reports on
    "kg_relations": None,   # list[(subject idx, predicate, object idx, year, sent start, sent end)]
    "kg_text": None,        # doc.text, read once by kg_sentences (spaCy rebuilds it from every token on each access)
    "kg_sents": None,       # [(start_char, end_char)] of doc.sents, from kg_sentences (doc.sents makes every token)
    "kg_tables": None,      # the rows of the document's Markdown tables (kg.extract.tables.Row), read once
}


def doc_text(doc: Doc) -> str:
    """doc.text, read once per document."""
    if doc._.kg_text is None:
        doc._.kg_text = doc.text
    return doc._.kg_text


def table_rows(doc: Doc) -> list[tables.Row]:
    """The rows of the document's Markdown tables, read once (kg_entities types their cells, kg_relations pairs them)."""
    if doc._.kg_tables is None:
        doc._.kg_tables = tables.table_rows(doc_text(doc))
    return doc._.kg_tables


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of each sentence of doc.sents; the text of one is doc_text(doc)[start:end]."""
    if doc._.kg_sents is None:
        doc._.kg_sents = [(s.start_char, s.end_char) for s in doc.sents]
    return doc._.kg_sents


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def to_extraction(doc: Doc) -> DocExtraction:
    """The mentions and relations the pipeline found, as plain kg values."""
    document: Document = doc._.kg_document
    spans = list(doc.spans.get("kg", []))
    text = doc_text(doc)
    mentions = tuple(Mention(text=text[s.start_char:s.end_char], type=EntityType(s.label_), start=s.start_char,
                             end=s.end_char) for s in spans)
    rels = []
    for si, pred, oi, year, ss, se in doc._.kg_relations or []:
        rels.append(RelationMention(subject=mentions[si], predicate=Predicate(pred), object=mentions[oi], year=year,
                                    evidence=text[ss:se].strip(), sent_start=ss, sent_end=se))
    return DocExtraction(document=document, mentions=mentions, relations=tuple(rels))
