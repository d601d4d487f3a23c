<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: a FRUS TEI volume as a static HTML edition, one transform, every
  page written with xsl:result-document (hrefs relative to the base output
  URI the runner sets):
    index.html        title page and table of contents
    d32.html ...      one page per document, footnotes at its foot, prev/next
    persons.html ...  one page per front/back-matter division (its xml:id);
                      registers list the documents that mention each entry
  Links between pages are relative, so the site works from the file system;
  no JavaScript. The rendering of the TEI itself is in common.xsl.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:frus="http://history.state.gov/frus/ns/1.0"
    xmlns:f="urn:x-frus-tei:render"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <!-- The stylesheet's URL as the pages link it (the runner copies it there). -->
  <xsl:param name="css" as="xs:string" select="'edition.css'"/>

  <xsl:output method="text"/>
  <!-- HTML 4 serialization rules with an HTML5 doctype written by hand: Saxon's
       html-version 5 would write "<!DOCTYPE HTML>". -->
  <xsl:output name="page" method="html" version="4.01" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Every page is a file next to index.html. -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="fragment" as="xs:string?"/>
    <xsl:sequence select="$page || '.html' || ($fragment ! ('#' || .))"/>
  </xsl:function>

  <xsl:variable name="root" as="document-node()" select="/"/>
  <xsl:variable name="f:matter" as="element()*" select="/*/text/(front | back)/div"/>

  <!-- ================================================================ site -->

  <xsl:template match="/">
    <xsl:variable name="documents" select="f:documents(.)"/>
    <xsl:variable name="keys" select="'index', $documents ! f:doc-key(.), $f:matter ! f:matter-key(.)"/>
    <xsl:for-each select="$keys[index-of($keys, .)[2]][1]">
      <xsl:variable name="key" select="."/>
      <xsl:message terminate="yes" select="'error|' || path(($documents, $f:matter)[f:page-key(.) = $key][last()]) ||
          '|two pages would be named ' || $key || '.html (a document or front-matter xml:id is used twice, or is &quot;index&quot;)'"/>
    </xsl:for-each>

    <xsl:call-template name="page">
      <xsl:with-param name="key" select="'index'"/>
      <xsl:with-param name="kind" select="'index'"/>
      <xsl:with-param name="title" select="f:volume-title(.)"/>
      <xsl:with-param name="content">
        <xsl:call-template name="title-page"/>
        <xsl:call-template name="contents"/>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:for-each select="$documents">
      <xsl:variable name="i" select="position()"/>
      <xsl:call-template name="page">
        <xsl:with-param name="key" select="f:doc-key(.)"/>
        <xsl:with-param name="kind" select="'document'"/>
        <xsl:with-param name="title" select="f:doc-heading(.) || ' — ' || f:volume-short-title(.)"/>
        <xsl:with-param name="prev" select="$documents[$i - 1]"/>
        <xsl:with-param name="next" select="$documents[$i + 1]"/>
        <xsl:with-param name="content">
          <xsl:apply-templates select="."/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>

    <xsl:for-each select="$f:matter">
      <xsl:call-template name="page">
        <xsl:with-param name="key" select="f:matter-key(.)"/>
        <xsl:with-param name="kind" select="'matter'"/>
        <xsl:with-param name="title" select="f:matter-title(.) || ' — ' || f:volume-short-title(.)"/>
        <xsl:with-param name="content">
          <xsl:apply-templates select="." mode="matter-page"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:function name="f:matter-title" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="(f:plain($div/head[1])[.], f:matter-key($div))[1]"/>
  </xsl:function>

  <!-- One HTML page: masthead and navigation, the content, prev/next, colophon. -->
  <xsl:template name="page">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="prev" as="element()?"/>
    <xsl:param name="next" as="element()?"/>
    <xsl:result-document href="{f:href($key, ())}" format="page">
      <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
      <html lang="{($root/*/@xml:lang, 'en')[1]}">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title><xsl:value-of select="$title"/></title>
          <link rel="stylesheet" href="{$css}"/>
          <xsl:if test="$prev"><link rel="prev" href="{f:href(f:doc-key($prev), ())}"/></xsl:if>
          <xsl:if test="$next"><link rel="next" href="{f:href(f:doc-key($next), ())}"/></xsl:if>
        </head>
        <body class="page-{$kind}">
          <a class="skip-link" href="#main">Skip to the text</a>
          <header class="masthead">
            <p class="masthead-title"><a href="{f:href('index', ())}"><xsl:value-of select="f:volume-title($root)"/></a></p>
            <nav class="site-nav" aria-label="Edition">
              <ul>
                <xsl:for-each select="'index', $f:matter ! f:matter-key(.)">
                  <li>
                    <a href="{f:href(., ())}">
                      <xsl:if test=". = $key"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                      <xsl:variable name="page" select="."/>
                      <xsl:value-of select="if (. = 'index') then 'Contents' else f:matter-title($f:matter[f:matter-key(.) = $page][1])"/>
                    </a>
                  </li>
                </xsl:for-each>
              </ul>
            </nav>
          </header>
          <main id="main">
            <xsl:sequence select="$content"/>
            <xsl:if test="$prev or $next">
              <nav class="pager" aria-label="Documents">
                <xsl:for-each select="$prev">
                  <a class="pager-prev" rel="prev" href="{f:href(f:doc-key(.), ())}">
                    <span class="pager-dir">Previous</span>
                    <span class="pager-title"><xsl:value-of select="f:doc-heading(.)"/></span>
                  </a>
                </xsl:for-each>
                <xsl:for-each select="$next">
                  <a class="pager-next" rel="next" href="{f:href(f:doc-key(.), ())}">
                    <span class="pager-dir">Next</span>
                    <span class="pager-title"><xsl:value-of select="f:doc-heading(.)"/></span>
                  </a>
                </xsl:for-each>
              </nav>
            </xsl:if>
          </main>
          <footer class="colophon">
            <p><cite>Foreign Relations of the United States</cite> is published by the Office of the
              Historian, U.S. Department of State; its text is in the public domain. The online edition:
              <a href="{$f:online || f:volume-id($root)}"><xsl:value-of select="$f:online || f:volume-id($root)"/></a>.</p>
            <p>This edition was generated by frus-tei from the TEI of <xsl:value-of select="f:volume-id($root)"/>.</p>
          </footer>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- ========================================================== index page -->

  <xsl:template name="title-page">
    <xsl:variable name="parts" select="('series', 'sub-series', 'volume-number', 'volume') ! f:title-part($root, .)"/>
    <header class="title-page">
      <h1 class="volume-heading">
        <xsl:choose>
          <xsl:when test="count($parts) ge 3">
            <xsl:for-each select="('series', 'sub-series', 'volume-number', 'volume')">
              <xsl:variable name="part" select="f:title-part($root, .)"/>
              <xsl:if test="$part">
                <span class="tp-{.}"><xsl:value-of select="$part"/></span>
                <xsl:text> </xsl:text>
              </xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <span class="tp-complete"><xsl:value-of select="f:volume-title($root)"/></span>
          </xsl:otherwise>
        </xsl:choose>
      </h1>
      <xsl:variable name="stmt" select="$root/*/teiHeader/fileDesc"/>
      <xsl:for-each-group select="$stmt/titleStmt/editor" group-by="string(@role)">
        <p class="tp-editors">
          <span class="tp-label"><xsl:value-of select="if (current-grouping-key() = 'general') then 'General Editor' else 'Editors'"/></span>
          <xsl:text> </xsl:text>
          <xsl:value-of select="string-join(current-group() ! normalize-space(.), ', ')"/>
        </p>
      </xsl:for-each-group>
      <xsl:variable name="imprint" select="($stmt/publicationStmt/publisher, $stmt/publicationStmt/pubPlace,
                                            $stmt/publicationStmt/date[@type = 'publication-date' or not(@type)])[normalize-space()]"/>
      <xsl:if test="$imprint">
        <p class="tp-imprint"><xsl:value-of select="string-join($imprint ! normalize-space(.), ', ')"/></p>
      </xsl:if>
    </header>
  </xsl:template>

  <xsl:template name="contents">
    <section class="contents" aria-labelledby="contents-heading">
      <h2 id="contents-heading">Contents</h2>
      <xsl:if test="$f:matter">
        <ul class="matter-list">
          <xsl:for-each select="$f:matter">
            <li><a href="{f:href(f:matter-key(.), ())}"><xsl:value-of select="f:matter-title(.)"/></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <ol class="toc">
        <xsl:apply-templates select="$root/*/text/body/div" mode="toc"/>
      </ol>
    </section>
  </xsl:template>

  <xsl:template match="div[@type = 'document']" mode="toc">
    <xsl:variable name="date" select="f:doc-date(.)"/>
    <li class="toc-document">
      <span class="toc-n"><xsl:value-of select="f:doc-number(.)"/></span>
      <a class="toc-title" href="{f:href(f:doc-key(.), ())}"><xsl:value-of select="f:doc-title(.)"/></a>
      <xsl:if test="exists($date)">
        <time class="toc-date">
          <xsl:if test="$date castable as xs:date or $date castable as xs:dateTime">
            <xsl:attribute name="datetime" select="$date"/>
          </xsl:if>
          <xsl:value-of select="f:format-date($date)"/>
        </time>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- A compilation or chapter: its head, any text of its own, then its documents. -->
  <xsl:template match="div" mode="toc">
    <li class="toc-section">
      <xsl:element name="h{min((6, 2 + count(ancestor::div) + 1))}">
        <xsl:attribute name="class" select="'toc-section-head'"/>
        <xsl:value-of select="(f:plain(head)[.], f:plain(@n), 'Section')[1]"/>
      </xsl:element>
      <xsl:apply-templates select="* except (head, div, pb)"/>
      <xsl:if test="div">
        <ol class="toc">
          <xsl:apply-templates select="div" mode="toc"/>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ================================================= front and back matter -->

  <xsl:template match="div" mode="matter-page">
    <article>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'matter'"/>
      </xsl:call-template>
      <h1><xsl:value-of select="f:matter-title(.)"/></h1>
      <xsl:choose>
        <xsl:when test="list/item//@xml:id">
          <p class="register-intro">Each entry lists the documents of this edition that mention it.</p>
          <xsl:apply-templates select="." mode="f:register"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="node() except head[1]"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="footnotes"/>
    </article>
  </xsl:template>

</xsl:stylesheet>
