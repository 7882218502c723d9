BEGIN TRANSACTION;
CREATE TABLE blocks (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	level INTEGER, 
	list_item BOOLEAN NOT NULL, 
	table_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "blocks" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',0,'heading',1,0,54,1,0,NULL);
INSERT INTO "blocks" VALUES(2,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,'table',2,56,236,NULL,0,0);
INSERT INTO "blocks" VALUES(3,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',2,'table',2,238,317,NULL,0,1);
INSERT INTO "blocks" VALUES(4,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',0,'heading',NULL,0,56,1,0,NULL);
INSERT INTO "blocks" VALUES(5,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',1,'table',NULL,58,215,NULL,0,0);
CREATE TABLE cells (
	id INTEGER NOT NULL, 
	table_id INTEGER NOT NULL, 
	"row" INTEGER NOT NULL, 
	col INTEGER NOT NULL, 
	row_span INTEGER NOT NULL, 
	col_span INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	page INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(table_id) REFERENCES doc_tables (id) ON DELETE CASCADE
);
INSERT INTO "cells" VALUES(1,1,0,0,1,1,'№',56,57,2);
INSERT INTO "cells" VALUES(2,1,0,1,1,1,'Мероприятие',58,69,2);
INSERT INTO "cells" VALUES(3,1,0,2,1,1,'Источник',70,78,2);
INSERT INTO "cells" VALUES(4,1,0,3,1,1,'2024',79,83,2);
INSERT INTO "cells" VALUES(5,1,0,4,1,1,'2025',84,88,2);
INSERT INTO "cells" VALUES(6,1,1,0,1,1,'1',89,90,2);
INSERT INTO "cells" VALUES(7,1,1,1,1,1,'Ремонт набережной',91,108,2);
INSERT INTO "cells" VALUES(8,1,1,2,1,1,'Областной бюджет',109,125,2);
INSERT INTO "cells" VALUES(9,1,1,3,1,1,'12,5',126,130,2);
INSERT INTO "cells" VALUES(10,1,1,4,1,1,'14,0',131,135,2);
INSERT INTO "cells" VALUES(11,1,2,2,1,1,'Бюджет города',138,151,2);
INSERT INTO "cells" VALUES(12,1,2,3,1,1,'3,1',152,155,2);
INSERT INTO "cells" VALUES(13,1,3,0,1,1,'2',157,158,2);
INSERT INTO "cells" VALUES(14,1,3,1,1,1,'Строительство бассейна',159,181,2);
INSERT INTO "cells" VALUES(15,1,3,2,1,1,'Бюджет города',182,195,2);
INSERT INTO "cells" VALUES(16,1,3,3,1,1,'40,0',196,200,2);
INSERT INTO "cells" VALUES(17,1,4,1,1,1,'Всего на 2024 - 2026 годы',203,228,2);
INSERT INTO "cells" VALUES(18,1,4,3,1,1,'500,0',230,235,2);
INSERT INTO "cells" VALUES(19,2,0,0,1,1,'Показатель',238,248,2);
INSERT INTO "cells" VALUES(20,2,0,1,1,1,'2022 (факт)',249,260,2);
INSERT INTO "cells" VALUES(21,2,0,2,1,1,'2030 (план)',261,272,2);
INSERT INTO "cells" VALUES(22,2,1,0,1,1,'Численность населения, тыс. чел.',273,305,2);
INSERT INTO "cells" VALUES(23,2,1,1,1,1,'187,0',306,311,2);
INSERT INTO "cells" VALUES(24,2,1,2,1,1,'190,5',312,317,2);
INSERT INTO "cells" VALUES(25,3,0,0,1,1,'1',58,59,NULL);
INSERT INTO "cells" VALUES(26,3,0,1,1,1,'Благоустройство парка',60,81,NULL);
INSERT INTO "cells" VALUES(27,3,0,2,1,1,'Областной бюджет',82,98,NULL);
INSERT INTO "cells" VALUES(28,3,0,3,1,1,'2024',99,103,NULL);
INSERT INTO "cells" VALUES(29,3,0,4,1,1,'2 000,0',104,111,NULL);
INSERT INTO "cells" VALUES(30,3,1,0,1,1,'2',112,113,NULL);
INSERT INTO "cells" VALUES(31,3,1,1,1,1,'Ледовая арена',114,127,NULL);
INSERT INTO "cells" VALUES(32,3,1,2,1,1,'Областной бюджет',128,144,NULL);
INSERT INTO "cells" VALUES(33,3,1,3,1,1,'2023 - 2025',145,156,NULL);
INSERT INTO "cells" VALUES(34,3,1,4,1,1,'300,0',157,162,NULL);
INSERT INTO "cells" VALUES(35,3,2,0,1,1,'3',163,164,NULL);
INSERT INTO "cells" VALUES(36,3,2,1,1,1,'Протяжённость отремонтированных дорог, км',165,206,NULL);
INSERT INTO "cells" VALUES(37,3,2,3,1,1,'2030',208,212,NULL);
INSERT INTO "cells" VALUES(38,3,2,4,1,1,'12',213,215,NULL);
CREATE TABLE directions (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind VARCHAR(16) NOT NULL, 
	items JSON NOT NULL, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE doc_tables (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	name VARCHAR(256), 
	n_rows INTEGER NOT NULL, 
	n_cols INTEGER NOT NULL, 
	page INTEGER, 
	page_end INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "doc_tables" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',0,NULL,5,5,2,2,56,236);
INSERT INTO "doc_tables" VALUES(2,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,NULL,2,3,2,2,238,317);
INSERT INTO "doc_tables" VALUES(3,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',0,NULL,3,5,NULL,NULL,58,215);
CREATE TABLE document_organizations (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	organization_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	mentions INTEGER NOT NULL, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	UNIQUE (document_id, organization_id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(organization_id) REFERENCES organizations (id)
);
CREATE TABLE documents (
	id VARCHAR(64) NOT NULL, 
	source VARCHAR(1024) NOT NULL, 
	format VARCHAR(16) NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	pipeline_version VARCHAR(32) NOT NULL, 
	run_id INTEGER, 
	ingested_at DATETIME NOT NULL, 
	n_bytes INTEGER NOT NULL, 
	n_pages INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	warnings JSON NOT NULL, 
	hints JSON NOT NULL, 
	kind VARCHAR(32), 
	title TEXT, 
	municipality VARCHAR(256), 
	region VARCHAR(256), 
	act_number VARCHAR(64), 
	adopted_on DATE, 
	amended_on DATE, 
	published_on DATE, 
	issuer TEXT, 
	horizon_year INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES runs (id) ON DELETE SET NULL
);
INSERT INTO "documents" VALUES('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1','plan-pskov.pdf','pdf','ok','test',NULL,'2026-12-01 16:22:12.246552',317,2,'План мероприятий по реализации стратегии города Пскова

№	Мероприятие	Источник	2024	2025
1	Ремонт набережной	Областной бюджет	12,5	14,0
		Бюджет города	3,1	
2	Строительство бассейна	Бюджет города	40,0	
	Всего на 2024 - 2026 годы		500,0	

Показатель	2022 (факт)	2030 (план)
Численность населения, тыс. чел.	187,0	190,5','[]','{}','action_plan',NULL,'Псков','Псковская область',NULL,'2023-03-01',NULL,NULL,NULL,NULL);
INSERT INTO "documents" VALUES('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2','strategiya-tver.docx','docx','ok','test',NULL,'2026-12-01 16:22:12.289127',215,0,'Стратегия социально-экономического развития города Твери

1	Благоустройство парка	Областной бюджет	2024	2 000,0
2	Ледовая арена	Областной бюджет	2023 - 2025	300,0
3	Протяжённость отремонтированных дорог, км		2030	12','[]','{}','strategy',NULL,'Тверь','Тверская область',NULL,'2021-12-20',NULL,NULL,NULL,NULL);
CREATE TABLE errors (
	id INTEGER NOT NULL, 
	run_id INTEGER, 
	source VARCHAR(1024) NOT NULL, 
	path TEXT NOT NULL, 
	stage VARCHAR(32) NOT NULL, 
	reason TEXT NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(run_id) REFERENCES runs (id) ON DELETE CASCADE
);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind VARCHAR(32) NOT NULL, 
	date_from DATE, 
	date_to DATE, 
	place VARCHAR(256), 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE funding_lines (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	measure_id INTEGER, 
	project_id INTEGER, 
	idx INTEGER NOT NULL, 
	source VARCHAR(16) NOT NULL, 
	year INTEGER, 
	year_from INTEGER, 
	year_to INTEGER, 
	scenario VARCHAR(64), 
	amount NUMERIC(28, 6), 
	unit VARCHAR(16), 
	amount_rub NUMERIC(28, 6), 
	raw TEXT NOT NULL, 
	note TEXT, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(measure_id) REFERENCES measures (id) ON DELETE CASCADE, 
	FOREIGN KEY(project_id) REFERENCES projects (id) ON DELETE CASCADE
);
INSERT INTO "funding_lines" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,NULL,0,'regional',2024,NULL,NULL,NULL,12.5,'млн руб.',12500000,'12,5',NULL,2,126,130,0,1,3);
INSERT INTO "funding_lines" VALUES(2,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,NULL,1,'regional',2025,NULL,NULL,NULL,14,'млн руб.',14000000,'14,0',NULL,2,131,135,0,1,4);
INSERT INTO "funding_lines" VALUES(3,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,NULL,2,'municipal',2024,NULL,NULL,NULL,3.1,'млн руб.',3100000,'3,1',NULL,2,152,155,0,2,3);
INSERT INTO "funding_lines" VALUES(4,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',2,NULL,0,'municipal',2024,NULL,NULL,NULL,40,'млн руб.',40000000,'40,0',NULL,2,196,200,0,3,3);
INSERT INTO "funding_lines" VALUES(5,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',NULL,NULL,0,'total',NULL,2024,2026,NULL,500,'млн руб.',500000000,'500,0',NULL,2,230,235,0,4,3);
INSERT INTO "funding_lines" VALUES(6,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',3,NULL,0,'regional',2024,NULL,NULL,NULL,2000,'тыс. руб.',2000000,'2 000,0',NULL,NULL,104,111,0,0,4);
INSERT INTO "funding_lines" VALUES(7,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',NULL,1,0,'regional',NULL,2023,2025,NULL,300,'млн руб.',300000000,'300,0',NULL,NULL,157,162,0,1,4);
CREATE TABLE goals (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	number VARCHAR(32), 
	text TEXT NOT NULL, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE indicator_values (
	id INTEGER NOT NULL, 
	indicator_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	year INTEGER NOT NULL, 
	value NUMERIC(28, 6), 
	value_text VARCHAR(256), 
	kind VARCHAR(16), 
	scenario VARCHAR(64), 
	note TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(indicator_id) REFERENCES indicators (id) ON DELETE CASCADE
);
INSERT INTO "indicator_values" VALUES(1,1,0,2022,187,NULL,'fact',NULL,NULL);
INSERT INTO "indicator_values" VALUES(2,1,1,2030,190.5,NULL,'plan',NULL,NULL);
INSERT INTO "indicator_values" VALUES(3,2,0,2030,12,NULL,'plan',NULL,NULL);
CREATE TABLE indicators (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	number VARCHAR(32), 
	name TEXT NOT NULL, 
	unit VARCHAR(64), 
	goal VARCHAR(32), 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "indicators" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',0,'1','Численность населения','тыс. чел.',NULL,2,273,305,1,1,0);
INSERT INTO "indicators" VALUES(2,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',0,'3','Протяжённость отремонтированных дорог','км',NULL,NULL,165,206,0,2,1);
CREATE TABLE measures (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	number VARCHAR(32), 
	name TEXT NOT NULL, 
	goal VARCHAR(32), 
	expected_result TEXT, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "measures" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',0,'1','Ремонт набережной',NULL,NULL,2,91,108,0,1,1);
INSERT INTO "measures" VALUES(2,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,'2','Строительство бассейна',NULL,NULL,2,159,181,0,3,1);
INSERT INTO "measures" VALUES(3,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',0,'1','Благоустройство парка',NULL,NULL,NULL,60,81,0,0,1);
CREATE TABLE organizations (
	id INTEGER NOT NULL, 
	"key" VARCHAR(512) NOT NULL, 
	name TEXT NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE ("key")
);
INSERT INTO "organizations" VALUES(1,'комитет по строительству','Комитет по строительству');
CREATE TABLE pages (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	number INTEGER NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "pages" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',1,0,54);
INSERT INTO "pages" VALUES(2,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',2,56,317);
CREATE TABLE persons (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	name VARCHAR(256) NOT NULL, 
	position TEXT, 
	organization TEXT, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
CREATE TABLE projects (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	object TEXT, 
	period VARCHAR(64), 
	status VARCHAR(128), 
	section TEXT, 
	page INTEGER, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	table_idx INTEGER, 
	row_idx INTEGER, 
	col_idx INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO "projects" VALUES(1,'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2',0,'Ледовая арена',NULL,'2023 - 2025',NULL,NULL,NULL,114,127,0,1,1);
CREATE TABLE responsible (
	id INTEGER NOT NULL, 
	document_id VARCHAR(64) NOT NULL, 
	record_type VARCHAR(16) NOT NULL, 
	record_id INTEGER NOT NULL, 
	organization_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES documents (id) ON DELETE CASCADE, 
	FOREIGN KEY(organization_id) REFERENCES organizations (id)
);
INSERT INTO "responsible" VALUES(1,'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1','measure',1,1,0,'Комитет по строительству');
CREATE TABLE runs (
	id INTEGER NOT NULL, 
	started_at DATETIME NOT NULL, 
	finished_at DATETIME, 
	pipeline_version VARCHAR(32) NOT NULL, 
	n_files INTEGER NOT NULL, 
	n_ingested INTEGER NOT NULL, 
	n_skipped INTEGER NOT NULL, 
	n_failed INTEGER NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE tasks (
	id INTEGER NOT NULL, 
	goal_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	number VARCHAR(32), 
	text TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(goal_id) REFERENCES goals (id) ON DELETE CASCADE
);
CREATE INDEX ix_errors_run_id ON errors (run_id);
CREATE INDEX ix_documents_source ON documents (source);
CREATE INDEX ix_pages_document_id ON pages (document_id);
CREATE INDEX ix_blocks_document_id ON blocks (document_id);
CREATE INDEX ix_doc_tables_document_id ON doc_tables (document_id);
CREATE INDEX ix_directions_document_id ON directions (document_id);
CREATE INDEX ix_goals_document_id ON goals (document_id);
CREATE INDEX ix_measures_document_id ON measures (document_id);
CREATE INDEX ix_projects_document_id ON projects (document_id);
CREATE INDEX ix_indicators_document_id ON indicators (document_id);
CREATE INDEX ix_document_organizations_document_id ON document_organizations (document_id);
CREATE INDEX ix_document_organizations_organization_id ON document_organizations (organization_id);
CREATE INDEX ix_responsible_document_id ON responsible (document_id);
CREATE INDEX ix_responsible_record_id ON responsible (record_id);
CREATE INDEX ix_responsible_organization_id ON responsible (organization_id);
CREATE INDEX ix_persons_document_id ON persons (document_id);
CREATE INDEX ix_events_document_id ON events (document_id);
CREATE INDEX ix_cells_table_id ON cells (table_id);
CREATE INDEX ix_tasks_goal_id ON tasks (goal_id);
CREATE INDEX ix_funding_lines_document_id ON funding_lines (document_id);
CREATE INDEX ix_funding_lines_project_id ON funding_lines (project_id);
CREATE INDEX ix_funding_lines_measure_id ON funding_lines (measure_id);
CREATE INDEX ix_indicator_values_indicator_id ON indicator_values (indicator_id);
CREATE VIEW v_documents AS SELECT documents.id AS document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, documents.format, documents.status, documents.title, documents.act_number, documents.adopted_on, documents.amended_on, documents.published_on, documents.issuer, documents.n_pages, documents.pipeline_version, documents.run_id, documents.ingested_at 
FROM documents;
CREATE VIEW v_directions AS SELECT directions.id AS record_id, directions.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, directions.idx, directions.kind, directions.name, directions.page, directions.start AS span_start, directions."end" AS span_end, directions.table_idx, directions.row_idx, directions.col_idx, substr(documents.text, directions.start + 1, directions."end" - directions.start) AS quote 
FROM directions JOIN documents ON documents.id = directions.document_id;
CREATE VIEW v_goals AS SELECT goals.id AS record_id, goals.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, goals.idx, goals.number, goals.text, goals.page, goals.start AS span_start, goals."end" AS span_end, goals.table_idx, goals.row_idx, goals.col_idx, substr(documents.text, goals.start + 1, goals."end" - goals.start) AS quote 
FROM goals JOIN documents ON documents.id = goals.document_id;
CREATE VIEW v_tasks AS SELECT tasks.id AS record_id, goals.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, goals.id AS goal_id, goals.number AS goal_number, tasks.idx, tasks.number, tasks.text, goals.page, goals.start AS span_start, goals."end" AS span_end, goals.table_idx, goals.row_idx, goals.col_idx, substr(documents.text, goals.start + 1, goals."end" - goals.start) AS quote 
FROM tasks JOIN goals ON goals.id = tasks.goal_id JOIN documents ON documents.id = goals.document_id;
CREATE VIEW v_measures AS SELECT measures.id AS record_id, measures.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, measures.idx, measures.number, measures.name, measures.goal, measures.expected_result, measures.page, measures.start AS span_start, measures."end" AS span_end, measures.table_idx, measures.row_idx, measures.col_idx, substr(documents.text, measures.start + 1, measures."end" - measures.start) AS quote 
FROM measures JOIN documents ON documents.id = measures.document_id;
CREATE VIEW v_projects AS SELECT projects.id AS record_id, projects.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, projects.idx, projects.name, projects.object, projects.period, projects.status, projects.section, projects.page, projects.start AS span_start, projects."end" AS span_end, projects.table_idx, projects.row_idx, projects.col_idx, substr(documents.text, projects.start + 1, projects."end" - projects.start) AS quote 
FROM projects JOIN documents ON documents.id = projects.document_id;
CREATE VIEW v_funding AS SELECT funding_lines.id AS record_id, funding_lines.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, CAST(CASE WHEN (funding_lines.measure_id IS NOT NULL) THEN 'measure' WHEN (funding_lines.project_id IS NOT NULL) THEN 'project' ELSE 'document' END AS VARCHAR(16)) AS parent_kind, coalesce(funding_lines.measure_id, funding_lines.project_id) AS parent_id, measures.number AS measure_number, coalesce(measures.name, projects.name) AS parent_name, funding_lines.idx, funding_lines.source, funding_lines.year, funding_lines.year_from, funding_lines.year_to, funding_lines.scenario, funding_lines.amount, funding_lines.unit, funding_lines.amount_rub, funding_lines.raw, funding_lines.note, funding_lines.page, funding_lines.start AS span_start, funding_lines."end" AS span_end, funding_lines.table_idx, funding_lines.row_idx, funding_lines.col_idx, substr(documents.text, funding_lines.start + 1, funding_lines."end" - funding_lines.start) AS quote 
FROM funding_lines JOIN documents ON documents.id = funding_lines.document_id LEFT OUTER JOIN measures ON measures.id = funding_lines.measure_id LEFT OUTER JOIN projects ON projects.id = funding_lines.project_id;
CREATE VIEW v_indicators AS SELECT indicators.id AS record_id, indicators.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, indicators.idx, indicators.number, indicators.name, indicators.unit, indicators.goal, indicators.page, indicators.start AS span_start, indicators."end" AS span_end, indicators.table_idx, indicators.row_idx, indicators.col_idx, substr(documents.text, indicators.start + 1, indicators."end" - indicators.start) AS quote 
FROM indicators JOIN documents ON documents.id = indicators.document_id;
CREATE VIEW v_indicator_values AS SELECT indicator_values.id AS record_id, indicators.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, indicators.id AS indicator_id, indicators.number AS indicator_number, indicators.name AS indicator_name, indicators.unit AS indicator_unit, indicator_values.idx, indicator_values.year, indicator_values.value, indicator_values.value_text, indicator_values.kind, indicator_values.scenario, indicators.page, indicators.start AS span_start, indicators."end" AS span_end, indicators.table_idx, indicators.row_idx, indicators.col_idx, substr(documents.text, indicators.start + 1, indicators."end" - indicators.start) AS quote 
FROM indicator_values JOIN indicators ON indicators.id = indicator_values.indicator_id JOIN documents ON documents.id = indicators.document_id;
CREATE VIEW v_responsible AS SELECT responsible.id AS record_id, responsible.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, responsible.record_type, responsible.record_id AS parent_id, responsible.idx, responsible.organization_id, responsible.name 
FROM responsible JOIN documents ON documents.id = responsible.document_id;
CREATE VIEW v_organizations AS SELECT document_organizations.id AS record_id, document_organizations.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, document_organizations.idx, document_organizations.organization_id, document_organizations.name, document_organizations.mentions, document_organizations.page, document_organizations.start AS span_start, document_organizations."end" AS span_end, document_organizations.table_idx, document_organizations.row_idx, document_organizations.col_idx, substr(documents.text, document_organizations.start + 1, document_organizations."end" - document_organizations.start) AS quote 
FROM document_organizations JOIN documents ON documents.id = document_organizations.document_id;
CREATE VIEW v_persons AS SELECT persons.id AS record_id, persons.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, persons.idx, persons.name, persons.position, persons.organization, persons.page, persons.start AS span_start, persons."end" AS span_end, persons.table_idx, persons.row_idx, persons.col_idx, substr(documents.text, persons.start + 1, persons."end" - persons.start) AS quote 
FROM persons JOIN documents ON documents.id = persons.document_id;
CREATE VIEW v_events AS SELECT events.id AS record_id, events.document_id, documents.source AS document_source, documents.municipality, documents.region, documents.kind AS doc_kind, CAST(coalesce(CAST(STRFTIME('%Y', documents.adopted_on) AS INTEGER), CAST(STRFTIME('%Y', documents.published_on) AS INTEGER)) AS INTEGER) AS doc_year, documents.horizon_year, events.idx, events.name, events.kind, events.date_from, events.date_to, events.place, events.page, events.start AS span_start, events."end" AS span_end, events.table_idx, events.row_idx, events.col_idx, substr(documents.text, events.start + 1, events."end" - events.start) AS quote 
FROM events JOIN documents ON documents.id = events.document_id;
COMMIT;
