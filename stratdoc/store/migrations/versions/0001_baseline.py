"""Baseline: the schema as stratdoc 0.1.0 (pipeline 0.3.0) created it with `create_all`.

A database made before migrations is stamped with this revision, so it must stay exactly that
schema (amounts as numeric(28, 6), which SQLite kept as binary floats). Never edit it: change
the schema in a new revision.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table('organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('pipeline_version', sa.String(length=32), nullable=False),
    sa.Column('n_files', sa.Integer(), nullable=False),
    sa.Column('n_ingested', sa.Integer(), nullable=False),
    sa.Column('n_skipped', sa.Integer(), nullable=False),
    sa.Column('n_failed', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('source', sa.String(length=1024), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('pipeline_version', sa.String(length=32), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.Column('n_bytes', sa.Integer(), nullable=False),
    sa.Column('n_pages', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('warnings', sa.JSON(), nullable=False),
    sa.Column('hints', sa.JSON(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('municipality', sa.String(length=256), nullable=True),
    sa.Column('region', sa.String(length=256), nullable=True),
    sa.Column('act_number', sa.String(length=64), nullable=True),
    sa.Column('adopted_on', sa.Date(), nullable=True),
    sa.Column('amended_on', sa.Date(), nullable=True),
    sa.Column('published_on', sa.Date(), nullable=True),
    sa.Column('issuer', sa.Text(), nullable=True),
    sa.Column('horizon_year', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_source'), ['source'], unique=False)

    op.create_table('errors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=1024), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('stage', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('errors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_errors_run_id'), ['run_id'], unique=False)

    op.create_table('blocks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('list_item', sa.Boolean(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blocks_document_id'), ['document_id'], unique=False)

    op.create_table('directions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('directions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_directions_document_id'), ['document_id'], unique=False)

    op.create_table('doc_tables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=True),
    sa.Column('n_rows', sa.Integer(), nullable=False),
    sa.Column('n_cols', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('page_end', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('doc_tables', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_doc_tables_document_id'), ['document_id'], unique=False)

    op.create_table('document_organizations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('document_id', 'organization_id')
    )
    with op.batch_alter_table('document_organizations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_organizations_document_id'), ['document_id'],
                              unique=False)
        batch_op.create_index(batch_op.f('ix_document_organizations_organization_id'), ['organization_id'],
                              unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('date_from', sa.Date(), nullable=True),
    sa.Column('date_to', sa.Date(), nullable=True),
    sa.Column('place', sa.String(length=256), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_document_id'), ['document_id'], unique=False)

    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goals_document_id'), ['document_id'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.String(length=64), nullable=True),
    sa.Column('goal', sa.String(length=32), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicators_document_id'), ['document_id'], unique=False)

    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('goal', sa.String(length=32), nullable=True),
    sa.Column('expected_result', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measures_document_id'), ['document_id'], unique=False)

    op.create_table('pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pages_document_id'), ['document_id'], unique=False)

    op.create_table('persons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('position', sa.Text(), nullable=True),
    sa.Column('organization', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persons_document_id'), ['document_id'], unique=False)

    op.create_table('projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('object', sa.Text(), nullable=True),
    sa.Column('period', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=128), nullable=True),
    sa.Column('section', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_projects_document_id'), ['document_id'], unique=False)

    op.create_table('responsible',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('record_type', sa.String(length=16), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('responsible', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_responsible_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_responsible_record_id'), ['record_id'], unique=False)

    op.create_table('cells',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table_id', sa.Integer(), nullable=False),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('col', sa.Integer(), nullable=False),
    sa.Column('row_span', sa.Integer(), nullable=False),
    sa.Column('col_span', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['table_id'], ['doc_tables.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cells', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cells_table_id'), ['table_id'], unique=False)

    op.create_table('funding_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=True),
    sa.Column('project_id', sa.Integer(), nullable=True),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('year_from', sa.Integer(), nullable=True),
    sa.Column('year_to', sa.Integer(), nullable=True),
    sa.Column('scenario', sa.String(length=64), nullable=True),
    sa.Column('amount', sa.Numeric(precision=28, scale=6), nullable=True),
    sa.Column('unit', sa.String(length=16), nullable=True),
    sa.Column('amount_rub', sa.Numeric(precision=28, scale=6), nullable=True),
    sa.Column('raw', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('page', sa.Integer(), nullable=True),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('table_idx', sa.Integer(), nullable=True),
    sa.Column('row_idx', sa.Integer(), nullable=True),
    sa.Column('col_idx', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('funding_lines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_lines_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_lines_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_lines_project_id'), ['project_id'], unique=False)

    op.create_table('indicator_values',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Numeric(precision=28, scale=6, asdecimal=False), nullable=True),
    sa.Column('value_text', sa.String(length=256), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('scenario', sa.String(length=64), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_values_indicator_id'), ['indicator_id'], unique=False)

    op.create_table('tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tasks_goal_id'), ['goal_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tasks_goal_id'))

    op.drop_table('tasks')
    with op.batch_alter_table('indicator_values', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_values_indicator_id'))

    op.drop_table('indicator_values')
    with op.batch_alter_table('funding_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_lines_project_id'))
        batch_op.drop_index(batch_op.f('ix_funding_lines_measure_id'))
        batch_op.drop_index(batch_op.f('ix_funding_lines_document_id'))

    op.drop_table('funding_lines')
    with op.batch_alter_table('cells', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cells_table_id'))

    op.drop_table('cells')
    with op.batch_alter_table('responsible', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_responsible_record_id'))
        batch_op.drop_index(batch_op.f('ix_responsible_organization_id'))
        batch_op.drop_index(batch_op.f('ix_responsible_document_id'))

    op.drop_table('responsible')
    with op.batch_alter_table('projects', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_projects_document_id'))

    op.drop_table('projects')
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persons_document_id'))

    op.drop_table('persons')
    with op.batch_alter_table('pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pages_document_id'))

    op.drop_table('pages')
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measures_document_id'))

    op.drop_table('measures')
    with op.batch_alter_table('indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicators_document_id'))

    op.drop_table('indicators')
    with op.batch_alter_table('goals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goals_document_id'))

    op.drop_table('goals')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_document_id'))

    op.drop_table('events')
    with op.batch_alter_table('document_organizations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_organizations_organization_id'))
        batch_op.drop_index(batch_op.f('ix_document_organizations_document_id'))

    op.drop_table('document_organizations')
    with op.batch_alter_table('doc_tables', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_doc_tables_document_id'))

    op.drop_table('doc_tables')
    with op.batch_alter_table('directions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_directions_document_id'))

    op.drop_table('directions')
    with op.batch_alter_table('blocks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blocks_document_id'))

    op.drop_table('blocks')
    with op.batch_alter_table('errors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_errors_run_id'))

    op.drop_table('errors')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_source'))

    op.drop_table('documents')
    op.drop_table('runs')
    op.drop_table('organizations')
