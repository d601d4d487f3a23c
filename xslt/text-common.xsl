<?xml version="1.0" encoding="UTF-8"?>
<!--
  text-common.xsl: what the two plain-text styles share (imported by
  text-web.xsl and text-e2.xsl). A document becomes a sequence of blocks, each
  one string (one line; a list or a block with line breaks may have several),
  in reading order; the styles join them and add their own notes, heading and
  site lines. The readers (converters/readers/) are the contract: every choice
  here is made so that they read the text back into the same TEI.

  Inline text: white space collapsed (the Office pretty-prints), none before a
  callout (the Office's rule; a web copy callout must be fused to the word),
  "[Page 55]" where a pb stands, notes as callouts. Any element not named keeps
  its text, so no word is lost.

  WHAT AN IMPORTING STYLESHEET MUST OR MAY OVERRIDE
  * x:callout($note) as xs:string: the callout of a note ("3" or "/3/").
  * $x:line-break: what lb becomes (a space here; a new line in e2).
  * template mode="x:after": what follows a leaf block (e2: its notes' bodies).
  * template match="list" mode="x:block" (the shape of a list).
  Messages: "warning|path()|text", read by the Python runner (render/xslt.py).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:x="urn:x-frus-tei:text"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- Private-use marks in a raw line, gone before output: callout start and
       end, line break, page marker start and end. -->
  <xsl:variable name="x:CO" as="xs:string" select="'&#xE000;'"/>
  <xsl:variable name="x:CC" as="xs:string" select="'&#xE001;'"/>
  <xsl:variable name="x:LB" as="xs:string" select="'&#xE002;'"/>
  <xsl:variable name="x:PO" as="xs:string" select="'&#xE003;'"/>
  <xsl:variable name="x:PC" as="xs:string" select="'&#xE004;'"/>

  <xsl:variable name="x:line-break" as="xs:string" select="' '"/>
  <xsl:variable name="x:NL" as="xs:string" select="'&#10;'"/>

  <!-- Elements that stand as blocks of their own inside a document. -->
  <xsl:variable name="x:block-names" as="xs:string*" select="
      ('p', 'ab', 'head', 'dateline', 'salute', 'signed', 'label', 'trailer', 'byline', 'docAuthor', 'docDate',
       'list', 'item', 'table', 'row', 'lg', 'l', 'quote', 'opener', 'closer', 'postscript', 'div', 'floatingText',
       'body', 'front', 'back', 'attachment', 'figure', 'pb', 'cb', 'milestone', 'note')"/>

  <!-- ========================================================= documents -->

  <xsl:function name="x:documents" as="element()*">
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="root($context)/*/text/(body | group)//div[@type = 'document']"/>
  </xsl:function>

  <xsl:function name="x:volume-id" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="tei" select="root($context)/*"/>
    <xsl:sequence select="normalize-space(($tei/teiHeader/fileDesc/publicationStmt/idno[@type = 'frus'],
                                           $tei/@xml:id, 'volume')[1])"/>
  </xsl:function>

  <!-- The notes a reader can place: notes inside notes have no callout of their own. -->
  <xsl:function name="x:notes" as="element()*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc//note[not(ancestor::note)]"/>
  </xsl:function>

  <!-- The heading line: the number and title as printed; the number added if the head lacks it. -->
  <xsl:function name="x:heading" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="line" select="$doc/head[1] ! x:line(.)"/>
    <xsl:sequence select="if (matches($line, '^\d{1,4}\.\s')) then $line
                          else string-join(($doc/@n || '.', $line), ' ')"/>
  </xsl:function>

  <!-- Page breaks between documents (the Office puts the one a document starts on before its div):
       no text style has a place there, so they go to the document after them. -->
  <xsl:key name="x:loose-pb" match="body//pb[not(ancestor::div[@type = 'document'])]"
           use="following::div[@type = 'document'][1] ! generate-id(.)"/>

  <!-- The blocks of a document after its head, in reading order; first the pages it starts on. -->
  <xsl:function name="x:blocks" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:apply-templates select="$doc/head[1]" mode="x:after"/>
    <xsl:apply-templates select="key('x:loose-pb', generate-id($doc), root($doc))" mode="x:block"/>
    <xsl:apply-templates select="$doc/node() except $doc/head[1]" mode="x:block"/>
  </xsl:function>

  <!-- =========================================================== blocks -->

  <!-- A container of blocks is read block by block; anything else is one line. -->
  <xsl:template match="*" mode="x:block">
    <xsl:choose>
      <xsl:when test="x:is-container(.)">
        <xsl:apply-templates select="node()" mode="x:block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="x:leaf"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="x:block">
    <xsl:if test="normalize-space()">
      <xsl:call-template name="x:warn">
        <xsl:with-param name="text" select="'text between blocks (' || normalize-space() || ') is written as a paragraph of its own'"/>
      </xsl:call-template>
      <xsl:sequence select="normalize-space()"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="x:block"/>

  <xsl:template match="pb" mode="x:block">
    <xsl:sequence select="@n ! ('[Page ' || normalize-space(.) || ']')"/>
  </xsl:template>

  <xsl:template match="lb | cb | milestone | anchor" mode="x:block"/>

  <!-- A list: its head (unless the labels SUBJECT/PARTICIPANTS no style writes), then its items. -->
  <xsl:template match="list" mode="x:block">
    <xsl:if test="not(@type = ('subject', 'participants'))">
      <xsl:apply-templates select="head" mode="x:block"/>
    </xsl:if>
    <xsl:variable name="items" select="item ! x:line(.)[.]"/>
    <xsl:if test="exists($items)">
      <xsl:sequence select="string-join($items ! x:list-item(.), $x:NL)"/>
      <xsl:apply-templates select="." mode="x:after"/>
    </xsl:if>
  </xsl:template>

  <!-- Override: how a list item is written. -->
  <xsl:function name="x:list-item" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="$text"/>
  </xsl:function>

  <!-- A table: a row a line, cells apart. -->
  <xsl:template match="table" mode="x:block">
    <xsl:apply-templates select="head" mode="x:block"/>
    <xsl:sequence select="string-join(row ! string-join(cell ! x:line(.)[.], ' '), $x:NL)[.]"/>
    <xsl:apply-templates select="." mode="x:after"/>
  </xsl:template>

  <xsl:template name="x:leaf">
    <xsl:variable name="line" select="x:line(.)"/>
    <xsl:if test="$line">
      <xsl:sequence select="$line"/>
    </xsl:if>
    <xsl:apply-templates select="." mode="x:after"/>
  </xsl:template>

  <!-- What follows a block: nothing here. -->
  <xsl:template match="*" mode="x:after"/>

  <xsl:function name="x:is-container" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="not($el/text()[normalize-space()]) and exists($el/*[not(self::pb | self::lb | self::note)])
                          and (every $child in $el/* satisfies local-name($child) = $x:block-names)
                          and not($el/self::note)"/>
  </xsl:function>

  <!-- =========================================================== inline -->

  <!-- The text of an element as one line: callouts fused, page markers in place. -->
  <xsl:function name="x:line" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="raw" as="xs:string*">
      <xsl:apply-templates select="$el/node()" mode="x:inline"/>
    </xsl:variable>
    <xsl:sequence select="x:tidy(string-join($raw))"/>
  </xsl:function>

  <xsl:function name="x:tidy" as="xs:string">
    <xsl:param name="raw" as="xs:string"/>
    <xsl:variable name="s" select="replace($raw, '\s+', ' ')"/>
    <xsl:variable name="s" select="replace($s, '\s*' || $x:LB || '\s*', $x:LB)"/>
    <!-- no white space before a callout, but one between two callouts in a row (the Office's rule;
         an e2 reader takes "/2//3/" for no callout at all) -->
    <xsl:variable name="s" select="replace($s, '([^' || $x:CC || '])\s+' || $x:CO, '$1' || $x:CO)"/>
    <xsl:variable name="s" select="replace($s, $x:CC || $x:CO, $x:CC || ' ' || $x:CO)"/>
    <!-- "installation [Page 55] of": the readers take the space after the marker as the page's -->
    <xsl:variable name="s" select="replace($s, '(\s)' || $x:PO || '([^' || $x:PC || ']*)' || $x:PC || '([^\s&#xE000;-&#xE004;])',
                                           '$1$2 $3')"/>
    <xsl:variable name="s" select="replace($s, '[&#xE000;&#xE001;&#xE003;&#xE004;]', '')"/>
    <xsl:sequence select="replace(normalize-space($s), $x:LB, $x:line-break)"/>
  </xsl:function>

  <xsl:template match="text()" mode="x:inline">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="x:inline"/>

  <xsl:template match="note" mode="x:inline">
    <xsl:sequence select="$x:CO || x:callout(.) || $x:CC"/>
  </xsl:template>

  <!-- A note inside a note has no callout a reader could place: its text in brackets. -->
  <xsl:template match="note//note" mode="x:inline" priority="1">
    <xsl:call-template name="x:warn">
      <xsl:with-param name="text" select="'a note inside a note is written in brackets: no text style has a callout for it'"/>
    </xsl:call-template>
    <xsl:sequence select="' [' || x:line(.) || ']'"/>
  </xsl:template>

  <xsl:template match="pb" mode="x:inline">
    <xsl:sequence select="@n ! ($x:PO || '[Page ' || normalize-space(.) || ']' || $x:PC)"/>
  </xsl:template>

  <xsl:template match="lb" mode="x:inline">
    <xsl:sequence select="$x:LB"/>
  </xsl:template>

  <!-- Blocks inside running text (a list in a p, paragraphs of a quote): words kept apart. -->
  <xsl:template match="p | item | l | list | head | lg | quote[p] | row | cell | label" mode="x:inline">
    <xsl:sequence select="' '"/>
    <xsl:apply-templates select="node()" mode="x:inline"/>
    <xsl:sequence select="' '"/>
  </xsl:template>

  <xsl:template match="*" mode="x:inline">
    <xsl:apply-templates select="node()" mode="x:inline"/>
  </xsl:template>

  <!-- The paragraphs of a note's text; a page break between two goes to the start of the second. -->
  <xsl:function name="x:note-paragraphs" as="xs:string*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (not($note/p)) then x:line($note)
                          else for $p in $note/*[not(self::pb)]
                               return string-join(($p/preceding-sibling::*[1][self::pb]/@n ! ('[Page ' || . || ']'),
                                                   x:line($p)))[.]"/>
  </xsl:function>

  <!-- Override: the callout of a note in running text. -->
  <xsl:function name="x:callout" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string($note/@n)"/>
  </xsl:function>

  <!-- The text before a note in its block, to tell whether a callout can stand there. -->
  <xsl:function name="x:text-before" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string-join($note/preceding-sibling::node()[not(self::comment() | self::processing-instruction())]
                                      ! (if (self::note) then $x:CO else string(.)))"/>
  </xsl:function>

  <!-- A warning for the runner: "warning|path|text". -->
  <xsl:template name="x:warn">
    <xsl:param name="text" as="xs:string"/>
    <xsl:message select="'warning|' || path(.) || '|' || $text"/>
  </xsl:template>

</xsl:stylesheet>
