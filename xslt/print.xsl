<?xml version="1.0" encoding="UTF-8"?>
<!--
  print.xsl: a FRUS TEI volume as ONE self-contained HTML file for CSS Paged
  Media (WeasyPrint makes the PDF of it): title page, contents with page
  numbers, the front matter, then every document in volume order.

  The rendering of the TEI is common.xsl's; this stylesheet only changes what
  a printed page needs:
    * a note becomes span.footnote at its callout (print.css floats it to the
      foot of the page); its content is made phrasing-only, since an HTML
      parser would close the paragraph at a <p> or <div> inside it;
    * a page break becomes span.pb (div.pb between blocks) whose label
      "[Page 55]" print.css puts in the margin;
    * documents, divisions and front-matter sections carry data-bookmark and
      data-running for the PDF outline and the running heads;
    * print.css is copied into a <style> element (parameter css: its URI), so
      the file needs nothing from outside.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:frus="http://history.state.gov/frus/ns/1.0"
    xmlns:f="urn:x-frus-tei:render"
    xmlns:p="urn:x-frus-tei:print"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <!-- The volume title is the one h1 (title page); documents and sections are h2. -->
  <xsl:param name="heading-base" as="xs:integer" select="2"/>
  <!-- The CSS copied into the file. -->
  <xsl:param name="css" as="xs:string" select="resolve-uri('print.css', static-base-uri())"/>
  <!-- Longest running head (characters) before it is cut at a word and ends in "…". -->
  <xsl:param name="running-head-length" as="xs:integer" select="58"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- HTML elements that may not stand inside phrasing content (a p, a span). -->
  <xsl:variable name="p:html-blocks" as="xs:string*" select="
      ('address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
       'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
       'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul')"/>

  <!-- ================================================================ the file -->

  <xsl:template match="/">
    <xsl:variable name="text" select="/*/text"/>
    <html lang="{(/*/@xml:lang, $text/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="f:volume-title(.)"/></title>
        <meta name="generator" content="frus-tei"/>
        <xsl:variable name="editors" select="/*/teiHeader/fileDesc/titleStmt/editor[normalize-space()]"/>
        <xsl:if test="$editors">
          <meta name="author" content="{string-join($editors ! normalize-space(.), ', ')}"/>
        </xsl:if>
        <style><xsl:value-of select="unparsed-text($css)"/></style>
      </head>
      <body data-running="{p:running-volume(.)}">
        <xsl:call-template name="p:title-page"/>
        <xsl:call-template name="p:contents"/>
        <xsl:apply-templates select="$text/front/node()" mode="p:matter"/>
        <main class="documents">
          <xsl:apply-templates select="$text/body/node()"/>
        </main>
        <xsl:if test="$text/back/node()[self::* or normalize-space()]">
          <div class="back">
            <xsl:apply-templates select="$text/back/node()" mode="p:matter"/>
          </div>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <!-- "Foreign Relations, 1961–1963, Volume V": the running head of left pages. -->
  <xsl:function name="p:running-volume" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="parts" select="('sub-series', 'volume-number') ! f:title-part($context, .)"/>
    <xsl:sequence select="if (count($parts) = 2) then string-join(('Foreign Relations', $parts), ', ')
                          else f:volume-short-title($context)"/>
  </xsl:function>

  <!-- A running head no longer than $running-head-length, cut at a word. -->
  <xsl:function name="p:shorten" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if (string-length($text) le $running-head-length) then $text
                          else replace(substring($text, 1, $running-head-length), '[\s,;:.]+\S*$', '') || '…'"/>
  </xsl:function>

  <xsl:function name="p:matter-title" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="(f:plain($div/head[1])[.], f:matter-key($div))[1]"/>
  </xsl:function>

  <!-- How deep a division or document sits among the body's divisions (1 = top). -->
  <xsl:function name="p:level" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="min((4, count($div/ancestor::div[not(@type = 'document')][ancestor::body]) + 1))"/>
  </xsl:function>

  <!-- ============================================================ title page -->

  <xsl:template name="p:title-page">
    <xsl:variable name="header" select="/*/teiHeader/fileDesc"/>
    <xsl:variable name="types" select="('series', 'sub-series', 'volume-number', 'volume')"/>
    <section class="title-page">
      <xsl:choose>
        <xsl:when test="f:title-part($header, 'volume') and count($types ! f:title-part($header, .)) ge 3">
          <xsl:for-each select="$types">
            <xsl:variable name="part" select="f:title-part($header, .)"/>
            <xsl:if test="$part">
              <xsl:element name="{if (. = 'volume') then 'h1' else 'p'}">
                <xsl:attribute name="class" select="'tp-' || ."/>
                <xsl:value-of select="$part"/>
              </xsl:element>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <h1 class="tp-complete"><xsl:value-of select="f:volume-title($header)"/></h1>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each-group select="$header/titleStmt/editor[normalize-space()]" group-by="string(@role)">
        <p class="tp-editors">
          <span class="tp-label"><xsl:value-of select="if (current-grouping-key() = 'general') then 'General Editor' else 'Editors'"/></span>
          <xsl:text> </xsl:text>
          <xsl:value-of select="string-join(current-group() ! normalize-space(.), ', ')"/>
        </p>
      </xsl:for-each-group>
      <xsl:variable name="imprint" select="($header/publicationStmt/(publisher, pubPlace),
                                            $header/publicationStmt/date[@type = 'publication-date' or not(@type)])[normalize-space()]"/>
      <div class="tp-foot">
        <xsl:if test="$imprint">
          <p class="tp-imprint"><xsl:value-of select="string-join($imprint ! normalize-space(.), ' · ')"/></p>
        </xsl:if>
        <p class="tp-colophon">Generated by frus-tei from the TEI of <xsl:value-of select="f:volume-id(.)"/></p>
      </div>
    </section>
  </xsl:template>

  <!-- ============================================================== contents -->

  <!-- Every entry is a link; print.css adds a leader and the page of its target. -->
  <xsl:template name="p:contents">
    <xsl:variable name="text" select="/*/text"/>
    <nav class="contents" id="contents" data-bookmark="Contents">
      <h2 class="contents-head">Contents</h2>
      <xsl:if test="$text/front/div">
        <ol class="toc toc-front">
          <xsl:apply-templates select="$text/front/div" mode="p:toc"/>
        </ol>
      </xsl:if>
      <ol class="toc toc-body">
        <xsl:apply-templates select="$text/body/div" mode="p:toc"/>
      </ol>
      <xsl:if test="$text/back/div">
        <ol class="toc toc-back">
          <xsl:apply-templates select="$text/back/div" mode="p:toc"/>
        </ol>
      </xsl:if>
    </nav>
  </xsl:template>

  <xsl:template match="div[@type = 'document']" mode="p:toc">
    <xsl:variable name="date" select="f:format-date(f:doc-date(.))"/>
    <li class="toc-document">
      <a href="{f:href(f:doc-key(.), ())}">
        <span class="toc-n"><xsl:value-of select="f:doc-number(.)"/>.</span>
        <span class="toc-title"><xsl:value-of select="f:doc-title(.)"/></span>
        <xsl:if test="exists($date)">
          <xsl:text> </xsl:text>
          <span class="toc-date"><xsl:value-of select="$date"/></span>
        </xsl:if>
      </a>
    </li>
  </xsl:template>

  <xsl:template match="front/div | back/div" mode="p:toc">
    <li class="toc-matter">
      <a href="{f:href(f:matter-key(.), ())}"><span class="toc-title"><xsl:value-of select="p:matter-title(.)"/></span></a>
    </li>
  </xsl:template>

  <!-- A compilation or chapter: its head (linked when it has an id), then its entries. -->
  <xsl:template match="div" mode="p:toc">
    <xsl:variable name="title" select="(f:plain(head[1])[.], f:plain(@n)[.], 'Section')[1]"/>
    <li class="toc-section">
      <xsl:choose>
        <xsl:when test="@xml:id">
          <a href="#{@xml:id}"><span class="toc-title"><xsl:value-of select="$title"/></span></a>
        </xsl:when>
        <xsl:otherwise>
          <span class="toc-title"><xsl:value-of select="$title"/></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="div">
        <ol class="toc">
          <xsl:apply-templates select="div" mode="p:toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ========================================================= front matter -->

  <xsl:template match="div" mode="p:matter">
    <section class="matter" id="{f:matter-key(.)}" data-bookmark="{p:matter-title(.)}">
      <xsl:if test="@type"><xsl:attribute name="data-type" select="@type"/></xsl:if>
      <h2 class="matter-head"><xsl:value-of select="p:matter-title(.)"/></h2>
      <xsl:choose>
        <xsl:when test="list/item//@xml:id">
          <xsl:apply-templates select="." mode="f:register"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node() except head[1]"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="node()" mode="p:matter">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- ============================================================ documents -->

  <!-- common.xsl's article, with what the outline and running heads need. -->
  <xsl:template match="div[@type = 'document']">
    <xsl:variable name="article" as="node()*">
      <xsl:next-match>
        <xsl:with-param name="p:loose" select="true()" tunnel="yes"/>
      </xsl:next-match>
    </xsl:variable>
    <xsl:apply-templates select="$article" mode="p:document">
      <xsl:with-param name="doc" select="."/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="Q{}article" mode="p:document">
    <xsl:param name="doc" as="element()"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:attribute name="class" select="string-join((@class, 'level-' || p:level($doc)), ' ')"/>
      <xsl:attribute name="data-bookmark" select="f:doc-heading($doc)"/>
      <xsl:attribute name="data-running" select="p:shorten(f:doc-heading($doc))"/>
      <xsl:if test="not($doc/head)">
        <h2 class="doc-head"><xsl:value-of select="f:doc-heading($doc)"/></h2>
      </xsl:if>
      <xsl:copy-of select="node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="node()" mode="p:document">
    <xsl:copy-of select="."/>
  </xsl:template>

  <!-- A compilation or chapter in the body: a bookmark of its own. -->
  <xsl:template match="body//div[not(@type = 'document')]">
    <xsl:variable name="section" as="node()*">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:variable name="div" select="."/>
    <xsl:for-each select="$section">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:if test="not($div/ancestor::div[@type = 'document'])">
          <xsl:attribute name="class" select="string-join((@class, 'level-' || p:level($div)), ' ')"/>
          <xsl:attribute name="data-bookmark" select="(f:plain($div/head[1])[.], f:plain($div/@n)[.], 'Section')[1]"/>
        </xsl:if>
        <xsl:copy-of select="node()"/>
      </xsl:copy>
    </xsl:for-each>
  </xsl:template>

  <!-- Notes stand at their callouts, not in a list after the document. -->
  <xsl:template name="footnotes"/>

  <!-- ============================================================ footnotes -->

  <!-- The note itself at its callout: print.css floats it to the foot of the page.
       A note inside a note cannot float again: it stays in the text, bracketed. -->
  <xsl:template match="note">
    <xsl:param name="p:in-note" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="content">
      <xsl:apply-templates>
        <xsl:with-param name="p:in-note" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:variable name="texts" select="$content//text()[normalize-space()]"/>
    <xsl:choose>
      <xsl:when test="$p:in-note">
        <span class="inner-note" id="{f:note-id(.)}">
          <xsl:text>[</xsl:text>
          <xsl:value-of select="f:note-label(.)"/>
          <xsl:text>: </xsl:text>
          <xsl:apply-templates select="$content/node()" mode="p:phrasing">
            <xsl:with-param name="p:edges" select="$texts[1], $texts[last()]" tunnel="yes"/>
          </xsl:apply-templates>
          <xsl:text>]</xsl:text>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="fn-ref" id="{f:callout-id(.)}"/>
        <span id="{f:note-id(.)}" data-n="{f:note-label(.)}">
          <xsl:attribute name="class" select="'footnote', tokenize(@type) ! ('note-' || .)"/>
          <xsl:apply-templates select="$content/node()" mode="p:phrasing">
            <xsl:with-param name="p:edges" select="$texts[1], $texts[last()]" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Blocks in a note become spans (print.css gives them display: block). -->
  <xsl:template match="Q{}*[local-name() = $p:html-blocks]" mode="p:phrasing">
    <span class="{string-join(('blk', 'blk-' || local-name(), @class), ' ')}">
      <xsl:copy-of select="@* except @class"/>
      <xsl:apply-templates mode="p:phrasing"/>
    </span>
  </xsl:template>

  <xsl:template match="Q{}br" mode="p:phrasing">
    <br/>
  </xsl:template>

  <xsl:template match="Q{}*" mode="p:phrasing">
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="p:phrasing"/>
    </xsl:copy>
  </xsl:template>

  <!-- White space collapsed as HTML would: WeasyPrint leaves a footnote's text as
       it is, breaks its lines at every newline of the TEI and prints every space. -->
  <xsl:template match="text()" mode="p:phrasing">
    <xsl:param name="p:edges" as="text()*" tunnel="yes"/>
    <xsl:variable name="collapsed" select="replace(., '\s+', ' ')"/>
    <xsl:variable name="lead" select="not(. >> $p:edges[1]) or matches(preceding::text()[1], '\s$')"/>
    <xsl:variable name="trail" select="not(. &lt;&lt; $p:edges[last()])"/>
    <xsl:variable name="led" select="if ($lead) then replace($collapsed, '^ ', '') else $collapsed"/>
    <xsl:value-of select="if ($trail) then replace($led, ' $', '') else $led"/>
  </xsl:template>

  <xsl:template match="comment()" mode="p:phrasing"/>

  <!-- ========================================================== page breaks -->

  <!-- "[Page 55]" in the margin; in running text a thin bar marks the very place.
       A page break between documents is shown once, with its document. -->
  <xsl:template match="pb">
    <xsl:param name="p:loose" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="label" select="'[Page ' || (@n, '?')[1] || ']'"/>
    <xsl:choose>
      <xsl:when test="ancestor::body and not(ancestor::div[@type = 'document']) and exists(f:pb-home(.)) and not($p:loose)"/>
      <xsl:when test="f:in-phrasing(.)">
        <span class="pb pb-inline" id="{f:pb-id(.)}" data-n="{@n}">
          <span class="pb-mark">|</span>
          <span class="pb-label"><xsl:value-of select="$label"/></span>
        </span>
      </xsl:when>
      <xsl:when test="parent::list">
        <li class="pb-item">
          <span class="pb pb-block" id="{f:pb-id(.)}" data-n="{@n}"><span class="pb-label"><xsl:value-of select="$label"/></span></span>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <div class="pb pb-block" id="{f:pb-id(.)}" data-n="{@n}">
          <span class="pb-label"><xsl:value-of select="$label"/></span>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
