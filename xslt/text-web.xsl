<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-web.xsl: a FRUS TEI volume as "web copy" text, one file per document
  (xsl:result-document, named $file-prefix + "d" + n + ".txt"), the way a
  document page of history.state.gov reads when copied as text:

    21. Memorandum of Conversation0          heading, source-note callout fused

      • Discussion of U.S.-Soviet Relations  subject and participants as bullets,
                                             without their SUBJECT/PARTICIPANTS labels
    The Ambassador opened … installation [Page 55] of the new …
    … Ambassador Bruce.1 He disclaimed …     callouts fused, counted from 0

    Thompson                                 the signature alone on its line
      1. Source: Department of State, …      the notes listed at the end, from 1

  Unlike the site, the dateline is written (its own line after the heading):
  the web copy reader takes a dateline line there as a dateline, and the date
  of a document is too much to lose. A salutation runs into the paragraph after
  it, as on the site. The edition's note numbers are not written: the reader
  numbers notes from the volume's base (volumes.toml [note-base]).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:x="urn:x-frus-tei:text"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="text-common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- What every file name starts with (the runner passes "<volume-id>-"). -->
  <xsl:param name="file-prefix" as="xs:string" select="x:volume-id(/) || '-'"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="x:documents(.)"/>
    <xsl:variable name="names" select="$documents ! x:file-name(.)"/>
    <xsl:for-each select="$documents[index-of($names, x:file-name(.))[2]][1]">
      <xsl:message terminate="yes" select="'error|' || path(.) || '|two documents would be written to '
                                           || x:file-name(.) || ': document numbers (n) must differ'"/>
    </xsl:for-each>
    <xsl:for-each select="$documents">
      <xsl:result-document href="{x:file-name(.)}" method="text" encoding="UTF-8">
        <xsl:value-of select="x:document(.)"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="x:file-name" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$file-prefix || 'd' || ($doc/@n, count($doc/preceding::div[@type = 'document']) + 1)[1]
                          ! replace(string(.), '[^\w.-]', '_') || '.txt'"/>
  </xsl:function>

  <xsl:function name="x:document" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="notes" select="x:notes($doc)"/>
    <xsl:variable name="list" select="for $i in 1 to count($notes)
                                      return x:note-item($i, x:note-paragraphs($notes[$i]))"/>
    <xsl:sequence select="string-join((x:heading($doc), x:blocks($doc), string-join($list, $x:NL)[.]),
                                      $x:NL || $x:NL) || $x:NL"/>
  </xsl:function>

  <!-- "  2. text"; further paragraphs after a blank line, indented deeper than the numbers. -->
  <xsl:function name="x:note-item" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="paragraphs" as="xs:string*"/>
    <xsl:sequence select="string-join(('  ' || $number || '. ' || ($paragraphs[1], '')[1],
                                       subsequence($paragraphs, 2) ! ('     ' || .)), $x:NL || $x:NL)"/>
  </xsl:function>

  <!-- The callout: the note's place among the document's notes, counted from 0. -->
  <xsl:function name="x:callout" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="doc" select="$note/ancestor::div[@type = 'document'][1]"/>
    <xsl:sequence select="string(count(x:notes($doc)[. &lt;&lt; $note]))"/>
  </xsl:function>

  <xsl:template match="note" mode="x:inline">
    <xsl:variable name="before" select="normalize-space(x:text-before(.))"/>
    <xsl:if test="$before = '' or ends-with($before, $x:CO) or matches($before, '\d$')">
      <xsl:call-template name="x:warn">
        <xsl:with-param name="text" select="'the web copy fuses a callout to the word before it: this note '
            || (if ($before = '') then 'starts its block' else if (ends-with($before, $x:CO)) then 'follows another note'
                else 'follows a number (' || tokenize($before)[last()] || '), whose digits its callout joins')
            || ', so the reader may not bring the note back to this place'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <xsl:function name="x:list-item" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'  &#x2022; ' || $text"/>
  </xsl:function>

  <!-- The salutation runs into the paragraph after it ("Dear Luther: This is …"). -->
  <xsl:template match="salute[following-sibling::*[1][self::p]]" mode="x:block"/>

  <xsl:template match="p[preceding-sibling::*[1][self::salute]]" mode="x:block">
    <xsl:sequence select="string-join((x:line(preceding-sibling::*[1]), x:line(.))[.], ' ')"/>
  </xsl:template>

</xsl:stylesheet>
