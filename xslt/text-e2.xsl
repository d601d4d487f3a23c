<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-e2.xsl: a FRUS TEI volume as one "community transcription" text, the
  way the writing site shows a node of documents:

    display | more...                                  the site's lines around
    Part of a subsection of a node in the …

    32. Telegram From the Embassy … State/1/           heading, the edition's numbers

    Moscow, February 18, 1961, 7 p.m.                  the dateline on its own line

    /1/Source: Department of State, …                  each note body a paragraph after
                                                       the block that calls it (the source
    1967. Department pass … Embtel 1958./2/ …          note's after the dateline)
    …

    FOREIGN RELATIONS OF THE UNITED STATES - 1961-1963 - Volume V - Soviet Union

    Log in or register to write something here or to contact authors.

  Two blank lines before each heading, one between blocks, one line a block
  (a list: an item a line; lb: a new line). Straight double quotes, and two
  hyphens for a dash, as typed on the site, wherever the reader turns them
  back into the same curly quote or dash; elsewhere the character itself.
  Unlike the site, page breaks are written ("[Page 55]"): the reader keeps them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:x="urn:x-frus-tei:text"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="text-common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="x:line-break" as="xs:string" select="'&#10;'"/>

  <xsl:variable name="x:site-top" as="xs:string*" select="
      ('display | more...', 'Part of a subsection of a node in the Cold War Document and Speech Meta Node')"/>
  <xsl:variable name="x:site-bottom" as="xs:string" select="'Log in or register to write something here or to contact authors.'"/>

  <xsl:template match="/">
    <xsl:variable name="documents" select="x:documents(.) ! x:document(.)"/>
    <xsl:value-of select="string-join($x:site-top, $x:NL) || $x:NL || $x:NL || $x:NL
                          || string-join($documents, $x:NL || $x:NL || $x:NL) || $x:NL || $x:NL
                          || string-join((x:volume-line(.), $x:site-bottom), $x:NL || $x:NL) || $x:NL"/>
  </xsl:template>

  <xsl:function name="x:document" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string-join((x:heading($doc), x:blocks($doc)) ! x:typed(.), $x:NL || $x:NL)"/>
  </xsl:function>

  <!-- ================================================================ notes -->

  <xsl:function name="x:callout" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="'/' || normalize-space($note/@n) || '/'"/>
  </xsl:function>

  <xsl:template match="note" mode="x:inline">
    <xsl:variable name="before" select="x:text-before(.)"/>
    <xsl:if test="not(matches(normalize-space(@n), '^\d{1,3}$'))">
      <xsl:call-template name="x:warn">
        <xsl:with-param name="text" select="'note n=&quot;' || @n || '&quot; cannot be a callout in e2 text (/1/ to /999/): it will be read as text'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="matches($before, '\d$')">
      <xsl:call-template name="x:warn">
        <xsl:with-param name="text" select="'the e2 reader takes no callout right after a digit (' || tokenize($before)[last()]
                                            || '/' || @n || '/): it will be read as text'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="normalize-space($before) = '' and not(parent::head | parent::note)">
      <xsl:call-template name="x:warn">
        <xsl:with-param name="text" select="'this note starts its block: in e2 text the block would read as the body of note '
                                            || @n || ', so the note will not come back to this place'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:next-match/>
  </xsl:template>

  <!-- "/2/Presumably …": one paragraph a note (the reader has no more). -->
  <xsl:function name="x:body" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="paragraphs" select="x:note-paragraphs($note)"/>
    <xsl:if test="count($paragraphs) gt 1">
      <xsl:for-each select="$note">
        <xsl:call-template name="x:warn">
          <xsl:with-param name="text" select="'an e2 note body is one paragraph: the ' || count($paragraphs) || ' paragraphs of this note are joined'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:sequence select="x:callout($note) || string-join($paragraphs, ' ')"/>
  </xsl:function>

  <!-- After a block, the bodies of the notes it calls; the heading's wait for a dateline right after it. -->
  <xsl:template match="*" mode="x:after">
    <xsl:sequence select="x:notes(.) ! x:body(.)"/>
  </xsl:template>

  <!-- a list's or table's head is a block of its own, with its own bodies after it -->
  <xsl:template match="list | table" mode="x:after">
    <xsl:sequence select="(item | row) ! x:notes(.) ! x:body(.)"/>
  </xsl:template>

  <xsl:template match="div[@type = 'document']/head[1][following-sibling::*[1][self::dateline]]" mode="x:after"/>

  <xsl:template match="div[@type = 'document']/dateline[preceding-sibling::*[1][self::head]]" mode="x:after">
    <xsl:sequence select="(x:notes(preceding-sibling::*[1]), x:notes(.)) ! x:body(.)"/>
  </xsl:template>

  <!-- ============================================================== typing -->

  <!-- Straight quotes and two hyphens for a dash where the reader makes the same curly quote and dash of them. -->
  <xsl:function name="x:typed" as="xs:string">
    <xsl:param name="block" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize($block, $x:NL) ! x:typed-line(.), $x:NL)"/>
  </xsl:function>

  <xsl:function name="x:typed-line" as="xs:string">
    <xsl:param name="line" as="xs:string"/>
    <!-- a dash between two characters that are neither space nor hyphen: "exhibit" two hyphens "particularly" -->
    <xsl:variable name="s" select="replace($line, '([^\s&#x2014;-])&#x2014;([^\s&#x2014;-])', '$1--$2')"/>
    <xsl:variable name="s" select="replace($s, '([^\s&#x2014;-])&#x2014;([^\s&#x2014;-])', '$1--$2')"/>
    <!-- an opening quote at the start or after space, ( [ { dash or slash; a closing one after anything else -->
    <xsl:variable name="s" select="replace($s, '(^|[\s(\[{&#x2014;&#x2013;/-])&#x201C;', '$1&quot;')"/>
    <xsl:sequence select="replace($s, '([^\s(\[{&#x2014;&#x2013;/-])&#x201D;', '$1&quot;')"/>
  </xsl:function>

  <!-- =============================================================== volume -->

  <!-- "FOREIGN RELATIONS OF THE UNITED STATES - 1961-1963 - Volume V - Soviet Union", from the id
       (frus1961-63v05p2) or else the header's titles; () when neither says. -->
  <xsl:function name="x:volume-line" as="xs:string?">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="stmt" select="root($root)/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="id" select="x:volume-id($root)"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:analyze-string select="$id" regex="^frus(\d{{4}})(-(\d{{2}}))?v(\d{{2,3}})(p(\d+))?$">
        <xsl:matching-substring>
          <xsl:sequence select="regex-group(1) || (if (regex-group(3)) then '-' || substring(regex-group(1), 1, 2) || regex-group(3) else ''),
                                'Volume ' || format-integer(xs:integer(regex-group(4)), 'I')
                                || (if (regex-group(6)) then ', Part ' || regex-group(6) else '')"/>
        </xsl:matching-substring>
      </xsl:analyze-string>
    </xsl:variable>
    <xsl:variable name="years" select="($parts[1], $stmt/title[@type = 'sub-series'][1] ! replace(normalize-space(.), '&#x2013;', '-'))[1]"/>
    <xsl:variable name="number" select="($parts[2], $stmt/title[@type = 'volume-number'][1] ! normalize-space(.))[1]"/>
    <xsl:variable name="title" select="$stmt/title[@type = 'volume'][1] ! normalize-space(.)"/>
    <xsl:if test="$years and $number">
      <xsl:sequence select="string-join(('FOREIGN RELATIONS OF THE UNITED STATES', $years, $number, $title[.]), ' - ')"/>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
