<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: FRUS TEI to HTML, the part that does not depend on how the
  edition is cut into pages. Imported by html.xsl (one page per document) and
  meant to be imported by print.xsl (one print HTML file for PDF).

  Here: inline TEI elements to HTML inline elements; blocks (p, lists, tables,
  attachments, closers ...); footnote callouts, numbers, ids and the footnote
  list of a document; page markers; person and term lookup (links, tooltips,
  "mentioned in" lists of the registers); ref target to URL; a document's
  number, title and date; the volume's titles. Any element not named here keeps
  its text (template match="*" at the end), so nothing vanishes.

  WHAT AN IMPORTING STYLESHEET MUST OR MAY OVERRIDE
  * f:href($page as xs:string, $fragment as xs:string?) as xs:string
      The URL of a place in the edition. $page is a page key from f:page-key():
      a document's key ("d32"), a front-matter division's xml:id ("persons",
      "terms", ...) or "index"; $fragment is an id on that page, or ().
      Default here: everything in one file ("#d42fn2", "#d32"), which is what a
      print stylesheet wants. html.xsl overrides it ("d42.html#d42fn2").
  * $heading-base (default 1): the HTML heading level of a document's head
      (and of a front-matter division's head). A print stylesheet that puts the
      volume title in h1 sets it to 2; nested divisions follow from it.
  * The footnotes: a document's notes are listed at the end of its <article>
      (template name="footnotes"). A print stylesheet that wants notes at the
      foot of printed pages overrides template match="note" (the callout) and
      template name="footnotes" (e.g. to print nothing there).
  * Page markers (template match="pb"): a span.pb with the id of the pb and
      the label "[Page 55]"; override for another look.
  Messages: xsl:message text "warning|path()|text" (or "error|...") is read by
  the Python runner, which turns path() into a line of the input file.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:frus="http://history.state.gov/frus/ns/1.0"
    xmlns:f="urn:x-frus-tei:render"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:param name="heading-base" as="xs:integer" select="1"/>

  <xsl:variable name="f:online" as="xs:string" select="'https://history.state.gov/historicaldocuments/'"/>

  <!-- TEI elements by how they render: inline elements always give phrasing
       HTML; blocks never sit in a paragraph; "p-like" ones become an HTML
       element that holds phrasing content only (p, h1...). Everything else
       (signed, dateline, quote, unknown elements ...) follows its context. -->
  <xsl:variable name="f:inline-names" as="xs:string*" select="
      ('hi', 'persName', 'placeName', 'orgName', 'geogName', 'name', 'rs', 'gloss', 'term', 'date', 'time',
       'ref', 'ptr', 'seg', 'title', 'foreign', 'emph', 'mentioned', 'soCalled', 'num', 'measure', 'abbr',
       'expan', 'choice', 'sic', 'corr', 'orig', 'reg', 'add', 'del', 'unclear', 'gap', 'lb', 'pb', 'note',
       'anchor', 'idno', 'q', 'code', 'email', 'roleName', 'forename', 'surname', 'addName', 'genName',
       'country', 'region', 'settlement', 'bloc', 'affiliation', 'said', 'c', 'w', 'pc', 'damage',
       'supplied', 'surplus', 'space', 'milestone', 'cb')"/>
  <xsl:variable name="f:p-like-names" as="xs:string*" select="
      ('p', 'ab', 'head', 'dateline', 'salute', 'signed', 'label', 'l', 'trailer', 'byline', 'docAuthor',
       'docDate', 'addrLine', 'note')"/>
  <xsl:variable name="f:block-names" as="xs:string*" select="
      ('div', 'p', 'ab', 'list', 'table', 'row', 'cell', 'item', 'lg', 'figure', 'attachment', 'floatingText',
       'closer', 'opener', 'postscript', 'listBibl', 'body', 'front', 'back', 'text', 'group', 'sp')"/>

  <xsl:key name="f:id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="f:mentions" match="*[@corresp] | gloss[@target] | term[@target]"
           use="f:pointers((@corresp, self::gloss/@target, self::term/@target))"/>
  <xsl:key name="f:loose-pb" match="body//pb[not(ancestor::div[@type = 'document'])]"
           use="f:pb-home(.) ! generate-id(.)"/>

  <!-- ===================================================== the volume -->

  <xsl:function name="f:volume-id" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="tei" select="root($context)/*"/>
    <xsl:sequence select="string(($tei/teiHeader//publicationStmt/idno[@type = 'frus'], $tei/@xml:id, 'volume')[1])"/>
  </xsl:function>

  <!-- The volume's title as one line: the complete title, else the typed parts joined. -->
  <xsl:function name="f:volume-title" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="stmt" select="root($context)/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="parts" select="for $t in ('series', 'sub-series', 'volume-number', 'volume')
                                       return $stmt/title[@type = $t][1] ! normalize-space(.)"/>
    <xsl:sequence select="(normalize-space($stmt/title[@type = 'complete'][1])[.],
                           string-join($parts, ', ')[.], $stmt/title[1] ! normalize-space(.),
                           f:volume-id($context))[1]"/>
  </xsl:function>

  <!-- "FRUS, 1961–1963, Volume V": for page titles and running heads. -->
  <xsl:function name="f:volume-short-title" as="xs:string">
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="stmt" select="root($context)/*/teiHeader/fileDesc/titleStmt"/>
    <xsl:variable name="parts" select="$stmt/title[@type = ('sub-series', 'volume-number')] ! normalize-space(.)"/>
    <xsl:sequence select="if (count($parts) = 2) then string-join(('FRUS', $parts), ', ')
                          else f:volume-title($context)"/>
  </xsl:function>

  <xsl:function name="f:title-part" as="xs:string?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="(root($context)/*/teiHeader/fileDesc/titleStmt/title[@type = $type])[1] ! normalize-space(.)"/>
  </xsl:function>

  <!-- ================================================== documents -->

  <xsl:function name="f:documents" as="element()*">
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="root($context)/*/text/body//div[@type = 'document']"/>
  </xsl:function>

  <xsl:function name="f:doc-of" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::div[@type = 'document'][1]"/>
  </xsl:function>

  <!-- A document's key names its page and its anchor: the xml:id, else "d" + n. -->
  <xsl:function name="f:doc-key" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(($doc/@xml:id, $doc/@n[. castable as xs:integer] ! ('d' || .),
                                  'doc-' || generate-id($doc))[1])"/>
  </xsl:function>

  <xsl:function name="f:doc-number" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="string(($doc/@n, f:doc-key($doc))[1])"/>
  </xsl:function>

  <!-- The head as printed, as plain text: "32. Telegram From ..." (notes left out). -->
  <xsl:function name="f:doc-heading" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="(f:plain($doc/head[1])[.], 'Document ' || f:doc-number($doc))[1]"/>
  </xsl:function>

  <!-- The title without its printed number: "Telegram From ...". -->
  <xsl:function name="f:doc-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="heading" select="f:doc-heading($doc)"/>
    <xsl:variable name="number" select="$doc/@n || '.'"/>
    <xsl:sequence select="if ($doc/@n and starts-with($heading, $number))
                          then normalize-space(substring-after($heading, $number)) else $heading"/>
  </xsl:function>

  <!-- ISO date or dateTime of a document: the dateline's date/@when, else frus:doc-dateTime-min. -->
  <xsl:function name="f:doc-date" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="dateline" select="($doc/dateline | $doc/opener/dateline)[1]"/>
    <xsl:sequence select="(($dateline//date/(@when, @from, @notBefore))[1], $doc/@frus:doc-dateTime-min)[1] ! string(.)"/>
  </xsl:function>

  <!-- "1961-02-18T19:00:00" → "February 18, 1961"; other values as given. -->
  <xsl:function name="f:format-date" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="day" select="substring($iso, 1, 10)"/>
    <xsl:sequence select="
        if (empty($iso)) then ()
        else if ($day castable as xs:date) then format-date(xs:date($day), '[MNn] [D], [Y]', 'en', (), ())
        else if (($iso || '-01') castable as xs:date) then format-date(xs:date($iso || '-01'), '[MNn] [Y]', 'en', (), ())
        else $iso"/>
  </xsl:function>

  <!-- ============================================ ids, pages and URLs -->

  <xsl:function name="f:pointers" as="xs:string*">
    <xsl:param name="values" as="xs:string*"/>
    <xsl:sequence select="for $v in $values, $t in tokenize($v)[starts-with(., '#')] return substring($t, 2)"/>
  </xsl:function>

  <xsl:function name="f:target" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="key('f:id', $id, root($context))[1]"/>
  </xsl:function>

  <!-- The top division of the front or back matter that holds a node (its own page). -->
  <xsl:function name="f:matter-div" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::div[parent::front or parent::back][1]"/>
  </xsl:function>

  <xsl:function name="f:matter-key" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="string(($div/@xml:id, local-name($div/..) || '-' || (count($div/preceding-sibling::div) + 1))[1])"/>
  </xsl:function>

  <!-- The document a page break between documents is shown with: the next one, else the last. -->
  <xsl:function name="f:pb-home" as="element()?">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="($pb/following::div[@type = 'document'][1], $pb/preceding::div[@type = 'document'][1])[1]"/>
  </xsl:function>

  <!-- Which page shows a node: a document key, a front/back division's key, or "index". -->
  <xsl:function name="f:page-key" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="doc" select="f:doc-of($node)"/>
    <xsl:variable name="matter" select="f:matter-div($node)"/>
    <xsl:sequence select="
        if ($doc) then f:doc-key($doc)
        else if ($matter) then f:matter-key($matter)
        else if ($node/self::pb and $node/ancestor::body) then (f:pb-home($node) ! f:doc-key(.), 'index')[1]
        else 'index'"/>
  </xsl:function>

  <!-- Override point: the URL of a page (and a place on it). Default: one file. -->
  <xsl:function name="f:href" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="fragment" as="xs:string?"/>
    <xsl:sequence select="'#' || ($fragment, $page)[1]"/>
  </xsl:function>

  <!-- The URL of the element with xml:id $id, or () when the volume has none. -->
  <xsl:function name="f:id-url" as="xs:string?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="target" select="f:target($id, $context)"/>
    <xsl:sequence select="
        if (empty($target)) then ()
        else if ($target is f:doc-of($target) or $target is f:matter-div($target)) then f:href(f:page-key($target), ())
        else f:href(f:page-key($target), $id)"/>
  </xsl:function>

  <!-- ref/@target → URL: "#d32", "#d42fn2", "#pg_55" in this volume; "frus1961-63v06",
       "frus1961-63v06#d5", "…#pg_16" at the Office of the Historian; http(s) as is; () if dangling. -->
  <xsl:function name="f:ref-url" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="t" select="tokenize($target)[1]"/>
    <xsl:variable name="volume" select="substring-before($t || '#', '#')"/>
    <xsl:variable name="fragment" select="substring-after($t, '#')"/>
    <xsl:sequence select="
        if (empty($t)) then ()
        else if (starts-with($t, '#')) then f:id-url($fragment, $context)
        else if (matches($t, '^frus[A-Za-z0-9._\-]+(#[A-Za-z0-9._\-]+)?$')) then
            if ($volume = f:volume-id($context))
            then (if ($fragment) then f:id-url($fragment, $context) else f:href('index', ()))
            else $f:online || $volume || (if ($fragment) then '/' || $fragment else '')
        else if (matches($t, '^(https?|mailto):')) then $t
        else ()"/>
  </xsl:function>

  <!-- ========================================== persons and terms -->

  <!-- The register entry an id names: the persName/term with that xml:id. -->
  <xsl:function name="f:entry" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="f:target($id, $context)[self::persName or self::term or self::person or self::item]"/>
  </xsl:function>

  <!-- The whole entry as one line: "Rusk, Dean, Secretary of State". -->
  <xsl:function name="f:entry-text" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="f:plain(($entry/ancestor::item[1], $entry)[1])"/>
  </xsl:function>

  <!-- What the entry says after its name: "Secretary of State" (or the whole entry). -->
  <xsl:function name="f:entry-description" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="all" select="f:entry-text($entry)"/>
    <xsl:variable name="name" select="f:plain($entry)"/>
    <xsl:variable name="rest" select="replace(substring-after($all, $name), '^[\s,;:]+', '')"/>
    <xsl:sequence select="if ($rest) then $rest else $all"/>
  </xsl:function>

  <!-- The documents whose text points at register id $id, in volume order. -->
  <xsl:function name="f:mentioning-documents" as="element()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="key('f:mentions', $id, root($context))/ancestor::div[@type = 'document'][1]"/>
  </xsl:function>

  <!-- ================================================= plain text -->

  <xsl:function name="f:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text">
      <xsl:apply-templates select="$nodes" mode="f:plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space($text)"/>
  </xsl:function>

  <xsl:template match="note | pb | comment() | processing-instruction()" mode="f:plain"/>
  <xsl:template match="lb" mode="f:plain"><xsl:text> </xsl:text></xsl:template>

  <!-- ============================================= how things render -->

  <xsl:function name="f:blocky" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e) = $f:block-names and not($e/self::note)
                          or not(local-name($e) = $f:inline-names) and exists($e/*[f:blocky(.)])"/>
  </xsl:function>

  <!-- A p-like element that holds blocks (a list in a paragraph) renders as a div. -->
  <xsl:function name="f:as-div" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/*[f:blocky(.)])"/>
  </xsl:function>

  <!-- Is this element's HTML inside phrasing content (a p, a heading, a span)? -->
  <xsl:function name="f:in-phrasing" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="parent" select="$e/parent::*"/>
    <xsl:sequence select="exists($parent) and (
        local-name($parent) = $f:inline-names and not($parent/self::note)
        or local-name($parent) = $f:p-like-names and not(f:as-div($parent))
        or not(local-name($parent) = ($f:block-names, $f:p-like-names, $f:inline-names)) and f:in-phrasing($parent))"/>
  </xsl:function>

  <xsl:function name="f:inline" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="local-name($e) = $f:inline-names or f:in-phrasing($e)"/>
  </xsl:function>

  <!-- id, class (a base name, rend and type tokens) and lang of the HTML element. -->
  <xsl:template name="f:attributes">
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:if test="@xml:id">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
    <xsl:variable name="classes" select="$class, tokenize(@rend) ! ('rend-' || .), tokenize(@type) ! (local-name(current()) || '-' || .)"/>
    <xsl:if test="exists($classes)">
      <xsl:attribute name="class" select="distinct-values($classes ! replace(., '[^\w\-]', '-'))"/>
    </xsl:if>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
  </xsl:template>

  <!-- A flexible element: block (div or p) in block context, span in phrasing context. -->
  <xsl:template name="f:flexible">
    <xsl:param name="block" as="xs:string" select="'div'"/>
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:element name="{if (f:inline(.)) then 'span' else if (f:as-div(.)) then 'div' else $block}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="$class"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ============================================ document structure -->

  <!-- A document as an article: its content, then its footnotes. -->
  <xsl:template match="div[@type = 'document']">
    <article>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'document'"/>
      </xsl:call-template>
      <xsl:attribute name="id" select="f:doc-key(.)"/>
      <xsl:variable name="loose" select="key('f:loose-pb', generate-id(.))"/>
      <xsl:apply-templates select="$loose[. &lt;&lt; current()]"/>
      <xsl:apply-templates/>
      <xsl:apply-templates select="$loose[. >> current()]"/>
      <xsl:call-template name="footnotes"/>
    </article>
  </xsl:template>

  <xsl:template match="div | frus:attachment | floatingText">
    <section>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="floatingText/body | floatingText/front | floatingText/back">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- The heading level of a division's head: $heading-base for the page's top division. -->
  <xsl:function name="f:heading-level" as="xs:integer">
    <xsl:param name="head" as="element()"/>
    <xsl:variable name="divs" select="$head/ancestor::*[self::div or self::frus:attachment or self::floatingText]"/>
    <xsl:variable name="top" select="(f:doc-of($head), f:matter-div($head), $divs[last()])[1]"/>
    <xsl:variable name="depth" select="count($divs[not(. &lt;&lt; $top)])"/>
    <xsl:sequence select="min((6, $heading-base + max(($depth, 1)) - 1))"/>
  </xsl:function>

  <xsl:template match="div/head | frus:attachment/head | floatingText//div/head">
    <xsl:element name="h{f:heading-level(.)}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="if (parent::div[@type = 'document']) then 'doc-head' else 'head'"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- "32." at the start of a document's head, set apart. -->
  <xsl:template match="div[@type = 'document']/head/node()[1][self::text()]" priority="2">
    <xsl:analyze-string select="f:text(.)" regex="^(\s*)(\d+[A-Za-z]?\.)(\s*)">
      <xsl:matching-substring>
        <span class="doc-n"><xsl:value-of select="regex-group(2)"/></span>
        <xsl:text> </xsl:text>
      </xsl:matching-substring>
      <xsl:non-matching-substring>
        <xsl:value-of select="."/>
      </xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <xsl:template match="head">
    <xsl:call-template name="f:flexible">
      <xsl:with-param name="block" select="'p'"/>
      <xsl:with-param name="class" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="p | ab">
    <xsl:element name="{if (f:as-div(.)) then 'div' else if (f:in-phrasing(.)) then 'span' else 'p'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="if (self::p) then () else local-name()"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="dateline | salute | signed | byline | docAuthor | docDate | trailer | label | addrLine">
    <xsl:call-template name="f:flexible">
      <xsl:with-param name="block" select="'p'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="opener | closer | postscript | argument | epigraph | address | lg | listBibl | sp">
    <xsl:call-template name="f:flexible"/>
  </xsl:template>

  <xsl:template match="l">
    <xsl:call-template name="f:flexible"/>
  </xsl:template>

  <xsl:template match="quote">
    <xsl:call-template name="f:flexible">
      <xsl:with-param name="block" select="'blockquote'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Lists: unbulleted unless the TEI says bulleted or numbered; the head above. -->
  <xsl:template match="list">
    <xsl:variable name="ordered" select="tokenize(@type) = ('ordered', 'numbered') or tokenize(@rend) = ('numbered', 'ordered')"/>
    <div>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'list'"/>
      </xsl:call-template>
      <xsl:apply-templates select="head"/>
      <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
        <xsl:attribute name="class" select="if (tokenize(@rend) = ('bulleted', 'bullets') or $ordered) then 'marked' else 'plain'"/>
        <xsl:apply-templates select="node() except (head, text()[not(normalize-space())])"/>
      </xsl:element>
    </div>
  </xsl:template>

  <xsl:template match="list/head">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="list/item">
    <li>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="()"/>
      </xsl:call-template>
      <xsl:apply-templates select="preceding-sibling::*[1][self::label]" mode="f:item-label"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="list/label[following-sibling::*[1][self::item]]"/>
  <xsl:template match="list/label" mode="f:item-label">
    <span class="label"><xsl:apply-templates/></span>
    <xsl:text> </xsl:text>
  </xsl:template>
  <!-- A label with no item after it, or anything else in a list, still gets a line. -->
  <xsl:template match="list/*" priority="-0.4">
    <li>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="table">
    <div class="table-wrap">
      <table>
        <xsl:call-template name="f:attributes"/>
        <xsl:if test="head">
          <caption><xsl:apply-templates select="head/node()"/></caption>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="row"/>
        </tbody>
      </table>
      <xsl:apply-templates select="* except (head, row)"/>
    </div>
  </xsl:template>

  <xsl:template match="row">
    <tr>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates select="cell | text()[normalize-space()] | (* except cell)"/>
    </tr>
  </xsl:template>

  <xsl:template match="cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="()"/>
      </xsl:call-template>
      <xsl:if test="@cols castable as xs:integer and xs:integer(@cols) gt 1">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:if test="@rows castable as xs:integer and xs:integer(@rows) gt 1">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="figure">
    <figure>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates select="node() except head"/>
      <xsl:if test="head">
        <figcaption><xsl:apply-templates select="head/node()"/></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="graphic">
    <span class="graphic">[<xsl:value-of select="(@url, 'image')[1]"/>]</span>
  </xsl:template>

  <!-- ================================================ inline elements -->

  <xsl:template match="hi">
    <xsl:variable name="rend" select="tokenize(@rend)"/>
    <xsl:variable name="element" select="(for $r in $rend return
        if ($r = ('italic', 'i', 'italics')) then 'i'
        else if ($r = ('strong', 'bold', 'b')) then 'b'
        else if ($r = ('superscript', 'sup')) then 'sup'
        else if ($r = ('subscript', 'sub')) then 'sub'
        else if ($r = ('underline', 'u')) then 'u'
        else if ($r = ('strikethrough', 'strike')) then 's'
        else (), 'span')[1]"/>
    <xsl:element name="{$element}">
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="()"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="emph">
    <em><xsl:call-template name="f:attributes"/><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="foreign">
    <i><xsl:call-template name="f:attributes"/><xsl:apply-templates/></i>
  </xsl:template>

  <xsl:template match="title">
    <cite><xsl:call-template name="f:attributes"/><xsl:apply-templates/></cite>
  </xsl:template>

  <xsl:template match="q">
    <q><xsl:call-template name="f:attributes"/><xsl:apply-templates/></q>
  </xsl:template>

  <xsl:template match="lb">
    <br/>
  </xsl:template>

  <xsl:template match="date | time">
    <xsl:variable name="when" select="(@when, @from)[1]"/>
    <xsl:element name="{if ($when castable as xs:date or $when castable as xs:dateTime or $when castable as xs:time) then 'time' else 'span'}">
      <xsl:if test="$when castable as xs:date or $when castable as xs:dateTime or $when castable as xs:time">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="anchor">
    <span>
      <xsl:call-template name="f:attributes"/>
    </span>
  </xsl:template>

  <xsl:template match="gap[not(node())]">
    <span class="gap" title="{string-join(('omitted', @reason, @extent), ': ')}">[…]</span>
  </xsl:template>

  <xsl:template match="choice">
    <xsl:variable name="shown" select="(corr, expan, reg, *)[1]"/>
    <span class="choice" title="{f:plain(* except $shown)}">
      <xsl:apply-templates select="$shown/node()"/>
    </span>
  </xsl:template>

  <!-- A person: linked to its entry with the entry as tooltip; plain text if none. -->
  <xsl:template match="persName[@corresp] | name[@corresp] | orgName[@corresp] | rs[@corresp]">
    <xsl:variable name="id" select="f:pointers(@corresp)[1]"/>
    <xsl:variable name="entry" select="$id ! f:entry(., current())"/>
    <xsl:choose>
      <xsl:when test="$entry and ancestor::ref">
        <span title="{f:entry-text($entry)}">
          <xsl:call-template name="f:attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:when>
      <xsl:when test="$entry">
        <a href="{f:id-url($id, .)}" title="{f:entry-text($entry)}">
          <xsl:call-template name="f:attributes"/>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:warn">
          <xsl:with-param name="text" select="local-name() || ' corresp=&quot;' || @corresp || '&quot; has no entry in the volume: shown as plain text'"/>
        </xsl:call-template>
        <span>
          <xsl:call-template name="f:attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An abbreviation: <abbr> with its expansion, linked to the terms list. -->
  <xsl:template match="gloss[@target] | term[@target]">
    <xsl:variable name="id" select="f:pointers(@target)[1]"/>
    <xsl:variable name="entry" select="$id ! f:entry(., current())"/>
    <xsl:choose>
      <xsl:when test="$entry and ancestor::ref">
        <abbr title="{f:entry-description($entry)}">
          <xsl:call-template name="f:attributes"/>
          <xsl:apply-templates/>
        </abbr>
      </xsl:when>
      <xsl:when test="$entry">
        <a href="{f:id-url($id, .)}">
          <xsl:call-template name="f:attributes"/>
          <abbr title="{f:entry-description($entry)}"><xsl:apply-templates/></abbr>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="f:warn">
          <xsl:with-param name="text" select="local-name() || ' target=&quot;' || @target || '&quot; has no entry in the volume: shown as plain text'"/>
        </xsl:call-template>
        <span>
          <xsl:call-template name="f:attributes"/>
          <xsl:apply-templates/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="ref | ptr">
    <xsl:variable name="url" select="f:ref-url(@target, .)"/>
    <xsl:choose>
      <xsl:when test="exists($url)">
        <a href="{$url}">
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="local-name(), 'external'[starts-with($url, 'http')]"/>
          </xsl:call-template>
          <xsl:apply-templates/>
          <xsl:if test="self::ptr or not(normalize-space())">
            <xsl:value-of select="@target"/>
          </xsl:if>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="@target">
          <xsl:call-template name="f:warn">
            <xsl:with-param name="text" select="local-name() || ' target=&quot;' || @target || '&quot; points at nothing in the volume: shown as plain text'"/>
          </xsl:call-template>
        </xsl:if>
        <span>
          <xsl:call-template name="f:attributes">
            <xsl:with-param name="class" select="local-name(), 'unresolved'"/>
          </xsl:call-template>
          <xsl:apply-templates/>
          <xsl:if test="self::ptr">
            <xsl:value-of select="@target"/>
          </xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every other inline element: a span that says what it was. -->
  <xsl:template match="*[local-name() = $f:inline-names]" priority="-0.5">
    <span>
      <xsl:call-template name="f:attributes"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ========================================================= notes -->

  <xsl:function name="f:note-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="string(($note/@xml:id, 'fn-' || generate-id($note))[1])"/>
  </xsl:function>

  <xsl:function name="f:callout-id" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="f:note-id($note) || '-ref'"/>
  </xsl:function>

  <!-- The number printed at the callout: @n, else its place among the document's notes. -->
  <xsl:function name="f:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:for-each select="$note">
      <xsl:variable name="counted">
        <xsl:number level="any" count="note" from="div[@type = 'document']"/>
      </xsl:variable>
      <xsl:sequence select="string((@n, $counted)[1])"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="note">
    <sup class="callout"><a id="{f:callout-id(.)}" href="#{f:note-id(.)}" role="doc-noteref">
      <xsl:value-of select="f:note-label(.)"/>
    </a></sup>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="f:text(.)"/>
  </xsl:template>

  <!-- A text node as shown: no space between a word and its callout (the Office's
       files often have one), but one between two callouts in a row. -->
  <xsl:function name="f:text" as="xs:string">
    <xsl:param name="text" as="text()"/>
    <xsl:sequence select="
        if (not($text/following-sibling::node()[1][self::note])) then string($text)
        else if ($text/preceding-sibling::node()[1][self::note] and not(normalize-space($text))) then ' '
        else replace($text, '\s+$', '')"/>
  </xsl:function>

  <!-- The notes of the current document (or division), in order, each back-linked. -->
  <xsl:template name="footnotes">
    <xsl:param name="notes" as="element()*" select=".//note"/>
    <xsl:if test="$notes">
      <section class="footnotes" aria-label="Notes">
        <xsl:element name="h{min((6, $heading-base + 1))}">
          <xsl:attribute name="class" select="'footnotes-head'"/>
          <xsl:text>Notes</xsl:text>
        </xsl:element>
        <ol class="footnotes">
          <xsl:apply-templates select="$notes" mode="f:footnote"/>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="note" mode="f:footnote">
    <li id="{f:note-id(.)}">
      <xsl:attribute name="class" select="'footnote', @type ! ('note-' || .)"/>
      <a class="fn-back" href="#{f:callout-id(.)}" role="doc-backlink" title="Back to the text">
        <xsl:value-of select="f:note-label(.)"/>
      </a>
      <xsl:text> </xsl:text>
      <div class="fn-text">
        <xsl:choose>
          <xsl:when test="f:as-div(.)"><xsl:apply-templates/></xsl:when>
          <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
        </xsl:choose>
      </div>
    </li>
  </xsl:template>

  <!-- ==================================================== page breaks -->

  <xsl:function name="f:pb-id" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="string(($pb/@xml:id, $pb/@n ! ('pg_' || .), 'pb-' || generate-id($pb))[1])"/>
  </xsl:function>

  <xsl:template match="list/pb" priority="1">
    <li class="pb-item"><xsl:next-match/></li>
  </xsl:template>

  <!-- In a line of text or between blocks: the stylesheet places each kind. -->
  <xsl:template match="pb">
    <span class="pb {if (f:in-phrasing(.)) then 'pb-inline' else 'pb-block'}" id="{f:pb-id(.)}">
      <span class="pb-label">[Page <xsl:value-of select="@n"/>]</span>
    </span>
  </xsl:template>

  <!-- ======================================================= registers -->

  <!-- A register division (persons, terms): each entry an item that names its documents. -->
  <xsl:template match="div[list/item//@xml:id]" mode="f:register">
    <xsl:apply-templates select="node() except head" mode="f:register"/>
  </xsl:template>

  <xsl:template match="list[item//@xml:id]" mode="f:register">
    <xsl:apply-templates select="head"/>
    <ul>
      <xsl:call-template name="f:attributes">
        <xsl:with-param name="class" select="'register'"/>
      </xsl:call-template>
      <xsl:apply-templates select="* except head" mode="f:register"/>
    </ul>
  </xsl:template>

  <xsl:template match="item" mode="f:register">
    <xsl:variable name="documents" select="for $id in .//@xml:id return f:mentioning-documents($id, .)"/>
    <li class="entry">
      <span class="entry-text"><xsl:apply-templates/></span>
      <xsl:if test="$documents">
        <xsl:text> </xsl:text>
        <span class="mentions">
          <xsl:value-of select="if (count($documents/.) = 1) then 'Document' else 'Documents'"/>
          <xsl:text> </xsl:text>
          <xsl:for-each select="$documents/.">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="{f:href(f:doc-key(.), ())}"><xsl:value-of select="f:doc-number(.)"/></a>
          </xsl:for-each>
        </span>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="node()" mode="f:register">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The entry's own name: an anchor that links point at. -->
  <xsl:template match="persName[@xml:id] | term[@xml:id]" priority="2">
    <span id="{@xml:id}" class="{local-name()} entry-name">
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- ====================================================== fallback -->

  <xsl:template match="teiHeader | facsimile | standOff"/>

  <xsl:template match="*" priority="-1">
    <xsl:call-template name="f:flexible">
      <xsl:with-param name="class" select="'tei', 'tei-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A warning for the runner: "warning|path|text". -->
  <xsl:template name="f:warn">
    <xsl:param name="text" as="xs:string"/>
    <xsl:message select="'warning|' || path(.) || '|' || $text"/>
  </xsl:template>

</xsl:stylesheet>
